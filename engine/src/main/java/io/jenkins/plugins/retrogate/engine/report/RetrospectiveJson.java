package io.jenkins.plugins.retrogate.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.time.Instant;

/** The retrospective as JSON; instants ISO-8601 UTC, an open question has {@code "answer": null}. */
public final class RetrospectiveJson {
    private RetrospectiveJson() {
    }

    public static ObjectNode write(Retrospective retro) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        Incident i = retro.incident();
        root.put("generatedAt", retro.generatedAt().toString());
        ObjectNode incident = root.putObject("incident");
        incident.put("id", i.id());
        incident.put("title", i.title());
        incident.put("status", i.status().name());
        Severity severity = i.severity();
        incident.put("severity", severity == null ? null : severity.name());
        ArrayNode services = incident.putArray("affectedServices");
        i.affectedServices().forEach(services::add);
        incident.put("detection", i.detection().name());
        incident.put("detectedAt", i.detectedAt().toString());
        incident.put("rootCause", i.rootCause());
        ArrayNode timeline = root.putArray("timeline");
        for (Retrospective.Entry e : retro.timeline()) {
            timeline.addObject().put("at", e.at().toString()).put("what", e.what()).put("source", e.source());
        }
        ArrayNode questions = root.putArray("questions");
        for (Retrospective.Question q : retro.questions()) {
            questions.addObject().put("question", q.question()).put("answer", q.answer()).put("open", q.open());
        }
        root.put("rolesNotBlame", Retrospective.ROLES_NOT_BLAME);
        ArrayNode people = root.putArray("people");
        for (Retrospective.Person p : retro.people()) {
            people.addObject().put("role", p.role().name()).put("name", p.name()).put("recorded", p.recorded())
                    .put("basis", p.basis());
        }
        ArrayNode items = root.putArray("items");
        retro.items().forEach(item -> item(items.addObject(), item));
        ArrayNode similar = root.putArray("similar");
        for (Retrospective.Similar s : retro.similar()) {
            ObjectNode node = similar.addObject().put("id", s.id()).put("title", s.title())
                    .put("rootCause", s.rootCause()).put("status", s.status().name());
            ArrayNode its = node.putArray("items");
            s.items().forEach(item -> item(its.addObject(), item));
        }
        return root;
    }

    private static void item(ObjectNode node, ActionItem item) {
        Ticket ticket = item.ticket();
        node.put("id", item.id()).put("title", item.title()).put("priority", item.priority().name())
                .put("type", item.type().name()).put("owner", item.owner())
                .put("ticket", ticket == null ? null : ticket.key()).put("status", item.status().name())
                .put("verifiedBy", item.verifiedBy()).put("verifiedAt", text(item.verifiedAt()));
    }

    @CheckForNull
    private static String text(@CheckForNull Instant at) {
        return at == null ? null : at.toString();
    }
}
