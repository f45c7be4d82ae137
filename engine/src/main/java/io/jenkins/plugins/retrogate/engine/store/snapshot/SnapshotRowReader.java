package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.CanonicalTime;
import io.jenkins.plugins.retrogate.engine.model.Contributor;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Mitigation;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the rows of a format-2 or format-3 snapshot written by {@link SnapshotRowWriter}, one section at a time;
 * every unexpected token is an {@link IOException} naming the section and the byte offset.
 */
final class SnapshotRowReader {
    private final JsonParser p;
    private final String section;
    private final String[] names;

    SnapshotRowReader(JsonParser parser, String section, String[] names) {
        this.p = parser;
        this.section = section;
        this.names = names;
    }

    /** An incident row; {@code answered}: of format 4, which ends with the retrospective's answers. */
    Incident incident(boolean answered) throws IOException {
        expect(JsonToken.START_ARRAY);
        String id = requiredText();
        String title = requiredText();
        Severity severity = constant(Severity.class);
        List<String> services = nameList();
        Detection detection = constant(Detection.class);
        Instant detectedAt = instant();
        Instant responseStartedAt = instant();
        List<Mitigation> mitigations = new ArrayList<>();
        expect(JsonToken.START_ARRAY);
        while (next() != JsonToken.END_ARRAY) {
            check(JsonToken.START_ARRAY);
            mitigations.add(new Mitigation(constant(MitigationKind.class), requiredText(), instant()));
            expect(JsonToken.END_ARRAY);
        }
        List<String> similar = textList();
        DeploymentRef trigger = ref(null);
        List<DeploymentRef> rollbacks = new ArrayList<>();
        expect(JsonToken.START_ARRAY);
        while (next() != JsonToken.END_ARRAY) {
            rollbacks.add(refHere(null));
        }
        List<Contributor> contributors = new ArrayList<>();
        expect(JsonToken.START_ARRAY);
        while (next() != JsonToken.END_ARRAY) {
            check(JsonToken.START_ARRAY);
            contributors.add(new Contributor(constant(ContributorRole.class), name()));
            expect(JsonToken.END_ARRAY);
        }
        // the remaining columns are read in their order: rootCause, status, signature, openedBy, updatedAt
        Incident.Builder builder = Incident.builder().id(id).title(title).severity(severity).affectedServices(services)
                .detection(detection).detectedAt(detectedAt).responseStartedAt(responseStartedAt)
                .mitigations(mitigations).similarIncidents(similar).trigger(trigger).rollbacks(rollbacks)
                .contributors(contributors).rootCause(text()).status(constant(IncidentStatus.class)).signature(text())
                .openedBy(name()).updatedAt(instant());
        if (answered) {
            expect(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);
            builder.notSeenBefore(p.currentToken() == JsonToken.VALUE_TRUE).noActionReason(text());
        }
        Incident incident = builder.build();
        expect(JsonToken.END_ARRAY);
        return incident;
    }

    ActionItem item(Incident[] incidents, Deployment[] deployments) throws IOException {
        expect(JsonToken.START_ARRAY);
        String id = requiredText();
        String incidentId = reference(incidents, null);
        String title = requiredText();
        Priority priority = constant(Priority.class);
        ItemType type = constant(ItemType.class);
        String owner = name();
        Ticket ticket = null;
        if (next() != JsonToken.VALUE_NULL) {
            check(JsonToken.START_ARRAY);
            ticket = new Ticket(constant(TicketSystem.class), requiredText(), text());
            expect(JsonToken.END_ARRAY);
        }
        List<String> services = nameList();
        String due = text();
        // the remaining columns are read in their order, status to note
        ActionItem item = ActionItem.builder().id(id).incidentId(incidentId).title(title).priority(priority).type(type)
                .owner(owner).ticket(ticket).services(Set.copyOf(services))
                .due(due == null ? null : date(due)).status(constant(ItemStatus.class))
                .createdAt(instant()).createdBy(name()).resolvedAt(instant()).resolvedBy(name())
                .resolution(constant(Resolution.class)).fix(text()).fixDeployment(reference(null, deployments))
                .verifiedAt(instant()).verifiedBy(reference(null, deployments)).note(text()).build();
        expect(JsonToken.END_ARRAY);
        return item;
    }

    /** A deployment row; {@code gated}: of format 3, which ends with the gate's fields. */
    Deployment deployment(boolean gated) throws IOException {
        expect(JsonToken.START_ARRAY);
        String id = requiredText();
        DeploymentRef ref = ref(id);
        expect(JsonToken.VALUE_TRUE, JsonToken.VALUE_FALSE);
        boolean production = p.currentToken() == JsonToken.VALUE_TRUE;
        Set<String> tickets = Set.copyOf(textList());
        Decision decision = constant(Decision.class);
        String requestedBy = name();
        Instant startedAt = instant();
        Instant endedAt = instant();
        Outcome outcome = constant(Outcome.class);
        Deployment deployment = gated
                ? new Deployment(id, ref, production, tickets, decision, requestedBy, startedAt, endedAt, outcome,
                        constant(GatePassage.class), text(), name())
                : new Deployment(id, ref, production, tickets, decision, requestedBy, startedAt, endedAt, outcome,
                        null, null, null);
        expect(JsonToken.END_ARRAY);
        return deployment;
    }

    private DeploymentRef ref(String ownerId) throws IOException {
        return next() == JsonToken.VALUE_NULL ? null : refHere(ownerId);
    }

    private DeploymentRef refHere(String ownerId) throws IOException {
        check(JsonToken.START_ARRAY);
        String deploymentId = next() == JsonToken.VALUE_TRUE && ownerId != null ? ownerId : textHere();
        String job = name();
        Integer build = null;
        if (next() != JsonToken.VALUE_NULL) {
            check(JsonToken.VALUE_NUMBER_INT);
            build = p.getIntValue();
        }
        DeploymentRef ref = new DeploymentRef(deploymentId, job, build, text(), name(), name(), text());
        expect(JsonToken.END_ARRAY);
        return ref;
    }

    /** An entity's position in its section (its id instance is shared), or its id as text. */
    private String reference(Incident[] incidents, Deployment[] deployments) throws IOException {
        if (next() == JsonToken.VALUE_NUMBER_INT) {
            int position = p.getIntValue();
            int size = incidents != null ? incidents.length : deployments != null ? deployments.length : 0;
            if (position < 0 || position >= size) {
                throw problem("position " + position + " is outside its section");
            }
            return incidents != null ? incidents[position].id() : deployments[position].id();
        }
        return textHere();
    }

    String name() throws IOException {
        if (next() == JsonToken.VALUE_NULL) {
            return null;
        }
        check(JsonToken.VALUE_NUMBER_INT);
        int index = p.getIntValue();
        if (index < 0 || index >= names.length) {
            throw problem("name number " + index + " is not in the names section");
        }
        return names[index];
    }

    <E extends Enum<E>> E constant(Class<E> type) throws IOException {
        String name = name();
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw problem("'" + name + "' is not a " + type.getSimpleName());
        }
    }

    private List<String> nameList() throws IOException {
        expect(JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(nameHere());
        }
        return values;
    }

    private String nameHere() throws IOException {
        check(JsonToken.VALUE_NUMBER_INT);
        int index = p.getIntValue();
        if (index < 0 || index >= names.length) {
            throw problem("name number " + index + " is not in the names section");
        }
        return names[index];
    }

    List<String> textList() throws IOException {
        expect(JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>(0);
        while (next() != JsonToken.END_ARRAY) {
            check(JsonToken.VALUE_STRING);
            values.add(p.getText());
        }
        return values;
    }

    String text() throws IOException {
        next();
        return textHere();
    }

    String textHere() throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        check(JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** A due date: its canonical text read without java.time's formatter (a large store has many), else parsed. */
    private static LocalDate date(String text) {
        LocalDate date = CanonicalTime.date(text);
        return date != null ? date : LocalDate.parse(text);
    }

    private String requiredText() throws IOException {
        expect(JsonToken.VALUE_STRING);
        return p.getText();
    }

    Instant instant() throws IOException {
        JsonToken token = next();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            return Instant.parse(p.getText());
        }
        check(JsonToken.VALUE_NUMBER_INT);
        long nanos = p.getLongValue();
        return SnapshotInstants.ofNanos(nanos);
    }

    String fieldName() throws IOException {
        return p.currentName();
    }

    int intValue() throws IOException {
        return p.getIntValue();
    }

    JsonToken current() {
        return p.currentToken();
    }

    JsonToken next() throws IOException {
        JsonToken token = p.nextToken();
        if (token == null) {
            throw problem("the section ends in the middle of a row");
        }
        return token;
    }

    void expect(JsonToken wanted) throws IOException {
        next();
        check(wanted);
    }

    private void expect(JsonToken one, JsonToken other) throws IOException {
        JsonToken token = next();
        if (token != one && token != other) {
            throw problem("found " + token + " where " + one + " or " + other + " belongs");
        }
    }

    void check(JsonToken wanted) throws IOException {
        if (p.currentToken() != wanted) {
            throw problem("found " + p.currentToken() + " where " + wanted + " belongs");
        }
    }

    IOException problem(String what) {
        return new IOException("section '" + section + "' at byte " + p.currentLocation().getByteOffset() + ": "
                + what);
    }
}
