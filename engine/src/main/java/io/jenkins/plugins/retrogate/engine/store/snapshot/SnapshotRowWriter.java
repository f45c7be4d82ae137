package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Contributor;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Mitigation;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the rows of a format-3 (to 6) snapshot (see {@code docs/storage.md}): each incident, item and deployment
 * is a JSON array of its fields in a fixed order, without field names. Names (services,
 * environments, jobs, people, enum constants) are numbers into the snapshot's {@code names}
 * section, so each is stored and read once; an item's incident and the deployments it names are
 * the positions of those entities in their sections, so the state read back shares their id
 * instances as the folded one does. Instants are integer nanoseconds since the epoch.
 */
final class SnapshotRowWriter {
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private final Map<String, Integer> incidentPositions;
    private final Map<String, Integer> deploymentPositions;
    private JsonGenerator g;

    SnapshotRowWriter(Map<String, Integer> incidentPositions, Map<String, Integer> deploymentPositions) {
        this.incidentPositions = incidentPositions;
        this.deploymentPositions = deploymentPositions;
    }

    void to(JsonGenerator generator) {
        this.g = generator;
    }

    List<String> names() {
        return new ArrayList<>(names.keySet());
    }

    void incident(Incident i) throws IOException {
        g.writeStartArray();
        g.writeString(i.id());
        g.writeString(i.title());
        name(i.severity());
        names(i.affectedServices());
        name(i.detection());
        instant(i.detectedAt());
        instant(i.responseStartedAt());
        g.writeStartArray();
        for (Mitigation m : i.mitigations()) {
            g.writeStartArray();
            name(m.kind());
            g.writeString(m.description());
            instant(m.at());
            g.writeEndArray();
        }
        g.writeEndArray();
        strings(i.similarIncidents());
        ref(i.trigger(), null);
        g.writeStartArray();
        for (DeploymentRef rollback : i.rollbacks()) {
            ref(rollback, null);
        }
        g.writeEndArray();
        g.writeStartArray();
        for (Contributor c : i.contributors()) {
            g.writeStartArray();
            name(c.role());
            name(c.name());
            g.writeEndArray();
        }
        g.writeEndArray();
        text(i.rootCause());
        name(i.status());
        text(i.signature());
        name(i.openedBy());
        instant(i.updatedAt());
        g.writeBoolean(i.notSeenBefore());
        text(i.noActionReason());
        g.writeEndArray();
    }

    /** An item whose deployments are positions in the deployments' sections. */
    void item(ActionItem i) throws IOException {
        item(i, incidentPositions, deploymentPositions);
    }

    /**
     * An open (or resolved) item of format 6: its incident and the deployments it names are written as
     * their ids, since it is read beside the incidents and before the deployments (see {@link SnapshotFormat}).
     */
    void activeItem(ActionItem i) throws IOException {
        item(i, Map.of(), Map.of());
    }

    private void item(ActionItem i, Map<String, Integer> incidentPositions, Map<String, Integer> deploymentPositions)
            throws IOException {
        g.writeStartArray();
        g.writeString(i.id());
        reference(i.incidentId(), incidentPositions);
        g.writeString(i.title());
        name(i.priority());
        name(i.type());
        name(i.owner());
        Ticket ticket = i.ticket();
        if (ticket == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            name(ticket.system());
            g.writeString(ticket.key());
            text(ticket.url());
            g.writeEndArray();
        }
        names(i.services());
        LocalDate due = i.due();
        text(due == null ? null : due.toString());
        name(i.status());
        instant(i.createdAt());
        name(i.createdBy());
        instant(i.resolvedAt());
        name(i.resolvedBy());
        name(i.resolution());
        text(i.fix());
        reference(i.fixDeployment(), deploymentPositions);
        instant(i.verifiedAt());
        reference(i.verifiedBy(), deploymentPositions);
        text(i.note());
        g.writeEndArray();
    }

    void deployment(Deployment d) throws IOException {
        g.writeStartArray();
        g.writeString(d.id());
        ref(d.ref(), d.id());
        g.writeBoolean(d.production());
        strings(d.changeTickets());
        name(d.decision());
        name(d.requestedBy());
        instant(d.startedAt());
        instant(d.endedAt());
        name(d.outcome());
        name(d.gate());
        text(d.overrideId());
        name(d.bypass());
        g.writeEndArray();
    }

    /** A ref; its deployment id is {@code true} when it is the id of the deployment holding it. */
    private void ref(DeploymentRef r, String ownerId) throws IOException {
        if (r == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        if (ownerId != null && ownerId.equals(r.deploymentId())) {
            g.writeBoolean(true);
        } else {
            text(r.deploymentId());
        }
        name(r.job());
        Integer build = r.build();
        if (build == null) {
            g.writeNull();
        } else {
            g.writeNumber(build);
        }
        text(r.url());
        name(r.service());
        name(r.environment());
        text(r.version());
        g.writeEndArray();
    }

    private void reference(String id, Map<String, Integer> positions) throws IOException {
        Integer position = id == null ? null : positions.get(id);
        if (position != null) {
            g.writeNumber(position);
        } else {
            text(id);
        }
    }

    void name(Enum<?> value) throws IOException {
        name(value == null ? null : value.name());
    }

    void name(String value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(names.computeIfAbsent(value, k -> names.size()));
        }
    }

    private void names(Iterable<String> values) throws IOException {
        g.writeStartArray();
        for (String value : values) {
            name(value);
        }
        g.writeEndArray();
    }

    private void strings(Iterable<String> values) throws IOException {
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private void text(String value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private void instant(Instant value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        try {
            g.writeNumber(Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000_000L),
                    value.getNano()));
        } catch (ArithmeticException e) { // beyond the years 1678-2261
            g.writeString(value.toString());
        }
    }
}
