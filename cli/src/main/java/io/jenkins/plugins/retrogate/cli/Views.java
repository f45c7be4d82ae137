package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.command.ApprovalOutcome;
import io.jenkins.plugins.retrogate.engine.json.Json;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.policy.DecisionView;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** How the tool shows things to people (one line per thing) and to programs (the ModelJson shapes). */
final class Views {
    private Views() {
    }

    /** A wording hint as JSON, as every command that shows hints writes it. */
    static ObjectNode hint(WordingHint hint) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("field", hint.field()).put("phrase", hint.phrase()).put("rule", hint.rule())
                .put("reason", hint.reason()).put("suggestion", hint.suggestion());
        return node;
    }

    /** Items as a table: id, status, priority, type, owner, then the title and its ticket. */
    static List<String> itemTable(Collection<ActionItem> items) {
        Table table = new Table("ID", 16, "STATUS", 9, "PRIO", 4, "TYPE", 12, "OWNER", 20, "TITLE", 0);
        for (ActionItem item : items) {
            table.row(item.id(), item.status().name(), item.priority().name(), item.type().name(),
                    item.owner() == null ? "-" : item.owner(), item.title() + ticketSuffix(item.ticket()));
        }
        return table.lines();
    }

    /** Incidents as a table: id, status, severity, services, then the title. */
    static List<String> incidentTable(Collection<Incident> incidents) {
        Table table = new Table("ID", 10, "STATUS", 9, "SEV", 4, "SERVICES", 30, "TITLE", 0);
        for (Incident incident : incidents) {
            Severity severity = incident.severity();
            table.row(incident.id(), incident.status().name(), severity == null ? "-" : severity.name(),
                    String.join(",", incident.affectedServices()), incident.title());
        }
        return table.lines();
    }

    /** One item on one line, for a command that shows or changes one (lists use {@link #itemTable}). */
    static String itemLine(ActionItem item) {
        return item.id() + " " + item.status() + " " + item.priority() + " " + item.type()
                + (item.owner() == null ? "" : " owner " + item.owner()) + ": " + item.title()
                + ticketSuffix(item.ticket());
    }

    private static String ticketSuffix(@CheckForNull Ticket ticket) {
        return ticket == null ? "" : " [" + ticket.key() + "]";
    }

    /** One incident on one line, for a command that shows or changes one (lists use {@link #incidentTable}). */
    static String incidentLine(Incident incident) {
        Severity severity = incident.severity();
        return incident.id() + " " + incident.status() + (severity == null ? "" : " " + severity)
                + " " + String.join(",", incident.affectedServices()) + ": " + incident.title();
    }

    /** One line for a deployment; the environment's class only when its name does not already say it. */
    static String deploymentLine(Deployment deployment) {
        return deployment.id() + " " + deployment.service() + (deployment.ref().version() == null ? ""
                : " " + deployment.ref().version()) + " → " + deployment.environment()
                + (deployment.production() && !deployment.environment().equals("production") ? " (production)" : "")
                + ": "
                + (deployment.outcome() == null ? "RUNNING" : deployment.outcome());
    }

    /** What the gate said of a deployment, as its record carries it. */
    static String gateLine(Deployment deployment) {
        GatePassage gate = deployment.gate();
        if (gate == null) {
            return "Gate: not recorded (a deployment recorded before the gate was tracked)";
        }
        return switch (gate) {
            case PASSED -> "Gate: " + deployment.decision() + " for build " + deployment.ref().url()
                    + (deployment.overrideId() == null ? "" : " (override " + deployment.overrideId() + ")");
            case BYPASSED -> "BYPASS: this deployment went out without a gate decision that let it through: "
                    + deployment.bypass();
            case UNGATED -> "Gate: not asked (" + deployment.environment() + " is not production)";
        };
    }

    static String overrideLine(OverrideApproval override) {
        return override.id() + " " + override.scope() + " " + override.service() + " → " + override.environment()
                + (override.buildUrl() == null ? "" : " build " + override.buildUrl()) + ", approved by "
                + String.join(", ", override.approvers()) + (override.requestedBy() == null ? "" : " for " + override.requestedBy())
                + " until " + override.expiresAt() + ": " + override.reason();
    }

    /** How far an approval has come: who approved, how many the policy requires, whether it is in effect. */
    static ObjectNode approval(ApprovalOutcome outcome) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("inEffect", outcome.inEffect());
        node.set("approvers", ModelJson.strings(outcome.approvers()));
        node.put("required", outcome.required());
        node.put("missing", outcome.missing());
        node.put("service", outcome.service());
        node.put("environment", outcome.environment());
        node.put("buildUrl", outcome.buildUrl());
        node.set("requests", ModelJson.strings(outcome.requestIds()));
        return node;
    }

    static String requestLine(OverrideRequest request) {
        return request.id() + " " + request.status() + " " + request.service() + " → " + request.environment()
                + (request.buildUrl() == null ? "" : " build " + request.buildUrl()) + ", requested by "
                + request.requestedBy() + " at " + request.requestedAt() + ", blocked by "
                + String.join(", ", request.blockingItems());
    }

    static <T> ArrayNode array(Collection<T> things, Function<T, ObjectNode> view) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        things.forEach(t -> array.add(view.apply(t)));
        return array;
    }

    /**
     * The gate's decision as JSON: the engine's one view of it ({@link DecisionView}), as the pipeline
     * step returns it, except that — as this tool's JSON has always promised (keys are only ever added)
     * — {@code items} are the full item objects with the view's {@code finding}, {@code blocks} and
     * {@code rule} added, and {@code override} is the full override object.
     */
    static ObjectNode decision(GateDecision decision) {
        ObjectNode node = (ObjectNode) Json.treeWithNulls(DecisionView.of(decision));
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        List<ActionItem> named = decision.items();
        for (int i = 0; i < named.size(); i++) {
            ObjectNode full = ModelJson.item(named.get(i));
            JsonNode view = node.get("items").get(i);
            full.set("finding", view.get("finding"));
            full.set("blocks", view.get("blocks"));
            full.set("rule", view.get("rule"));
            items.add(full);
        }
        node.set("items", items);
        node.set("override", decision.override() == null ? NullNode.instance : ModelJson.override(decision.override()));
        return node;
    }
}
