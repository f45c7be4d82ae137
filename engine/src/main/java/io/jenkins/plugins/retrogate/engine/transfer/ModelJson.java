package io.jenkins.plugins.retrogate.engine.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Contributor;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Mitigation;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * The JSON objects users and tools see for incidents, action items, deployments, overrides and
 * override requests: the CLI's {@code --json} output and the export document use exactly these
 * shapes. Every key is always present ({@code null} when the value is absent), enum values are
 * their upper-case names, instants ISO-8601 UTC. Documented in {@code docs/cli.md}; adding a key is
 * compatible, renaming one is not.
 */
public final class ModelJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelJson() {
    }

    public static ObjectNode incident(Incident incident) {
        ObjectNode node = NODES.objectNode();
        node.put("id", incident.id());
        node.put("title", incident.title());
        node.put("severity", name(incident.severity()));
        node.put("status", incident.status().name());
        node.set("affectedServices", strings(incident.affectedServices()));
        node.put("detection", incident.detection().name());
        node.put("detectedAt", instant(incident.detectedAt()));
        node.put("responseStartedAt", instant(incident.responseStartedAt()));
        ArrayNode mitigations = node.putArray("mitigations");
        for (Mitigation mitigation : incident.mitigations()) {
            mitigations.addObject().put("kind", mitigation.kind().name())
                    .put("description", mitigation.description()).put("at", instant(mitigation.at()));
        }
        node.set("similarIncidents", strings(incident.similarIncidents()));
        node.set("trigger", ref(incident.trigger()));
        ArrayNode rollbacks = node.putArray("rollbacks");
        incident.rollbacks().forEach(r -> rollbacks.add(ref(r)));
        ArrayNode contributors = node.putArray("contributors");
        for (Contributor contributor : incident.contributors()) {
            contributors.addObject().put("role", contributor.role().name()).put("name", contributor.name());
        }
        node.put("rootCause", incident.rootCause());
        node.put("notSeenBefore", incident.notSeenBefore());
        node.put("noActionReason", incident.noActionReason());
        node.put("signature", incident.signature());
        node.put("openedBy", incident.openedBy());
        node.put("updatedAt", instant(incident.updatedAt()));
        return node;
    }

    public static ObjectNode item(ActionItem item) {
        ObjectNode node = NODES.objectNode();
        node.put("id", item.id());
        node.put("incident", item.incidentId());
        node.put("title", item.title());
        node.put("priority", item.priority().name());
        node.put("type", item.type().name());
        node.put("owner", item.owner());
        node.set("ticket", ticket(item.ticket()));
        node.put("status", item.status().name());
        node.set("services", strings(item.services()));
        node.put("due", Objects.toString(item.due(), null));
        node.put("createdAt", instant(item.createdAt()));
        node.put("createdBy", item.createdBy());
        node.put("resolvedAt", instant(item.resolvedAt()));
        node.put("resolvedBy", item.resolvedBy());
        node.put("resolution", name(item.resolution()));
        node.put("fix", item.fix());
        node.put("fixDeployment", item.fixDeployment());
        node.put("verifiedAt", instant(item.verifiedAt()));
        node.put("verifiedBy", item.verifiedBy());
        node.put("note", item.note());
        return node;
    }

    public static ObjectNode deployment(Deployment deployment) {
        ObjectNode node = NODES.objectNode();
        DeploymentRef ref = deployment.ref();
        node.put("id", deployment.id());
        node.put("service", ref.service());
        node.put("environment", ref.environment());
        node.put("production", deployment.production());
        node.put("version", ref.version());
        node.put("job", ref.job());
        if (ref.build() == null) {
            node.putNull("build");
        } else {
            node.put("build", ref.build());
        }
        node.put("url", ref.url());
        node.set("changeTickets", strings(deployment.changeTickets()));
        node.put("decision", name(deployment.decision()));
        node.put("gate", name(deployment.gate()));
        node.put("override", deployment.overrideId());
        node.put("bypass", deployment.bypass());
        node.put("requestedBy", deployment.requestedBy());
        node.put("startedAt", instant(deployment.startedAt()));
        node.put("endedAt", instant(deployment.endedAt()));
        node.put("outcome", name(deployment.outcome()));
        return node;
    }

    public static ObjectNode override(OverrideApproval override) {
        ObjectNode node = NODES.objectNode();
        node.put("id", override.id());
        node.put("scope", override.scope().name());
        node.put("service", override.service());
        node.put("environment", override.environment());
        node.put("buildUrl", override.buildUrl());
        node.put("requestedBy", override.requestedBy());
        node.put("approvedBy", override.approvedBy());
        node.set("approvers", strings(override.approvers()));
        node.put("reason", override.reason());
        node.put("approvedAt", instant(override.approvedAt()));
        node.put("expiresAt", instant(override.expiresAt()));
        node.set("requests", strings(override.requestIds()));
        return node;
    }

    public static ObjectNode request(OverrideRequest request) {
        ObjectNode node = NODES.objectNode();
        node.put("id", request.id());
        node.put("service", request.service());
        node.put("environment", request.environment());
        node.put("buildUrl", request.buildUrl());
        node.put("requestedBy", request.requestedBy());
        node.put("requestedAt", instant(request.requestedAt()));
        node.set("blockingItems", strings(request.blockingItems()));
        node.put("status", request.status().name());
        node.put("decidedBy", request.decidedBy());
        node.put("decidedAt", instant(request.decidedAt()));
        node.put("reason", request.reason());
        node.put("override", request.overrideId());
        return node;
    }

    /** A deployment reference (trigger, rollback), or JSON {@code null}. */
    public static ObjectNode ref(DeploymentRef ref) {
        if (ref == null) {
            return null;
        }
        ObjectNode node = NODES.objectNode();
        node.put("deployment", ref.deploymentId());
        node.put("service", ref.service());
        node.put("environment", ref.environment());
        node.put("version", ref.version());
        node.put("job", ref.job());
        if (ref.build() == null) {
            node.putNull("build");
        } else {
            node.put("build", ref.build());
        }
        node.put("url", ref.url());
        return node;
    }

    public static ObjectNode ticket(Ticket ticket) {
        if (ticket == null) {
            return null;
        }
        ObjectNode node = NODES.objectNode();
        node.put("system", ticket.system().name());
        node.put("key", ticket.key());
        node.put("url", ticket.url());
        return node;
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
