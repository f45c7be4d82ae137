package io.jenkins.plugins.retrogate.engine.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * An outcome of the root-cause analysis. It guards {@code services} ({@code *} for every service):
 * while it is open, production deployments of those services pass through the gate's rules.
 * Immutable; lifecycle transitions return changed copies and are decided in the command layer.
 *
 * @param fix            the reference of the fix (commit, pull request, deployment id), when resolved
 * @param fixDeployment  the deployment that carried the fix, when a deployment resolved it
 * @param verifiedBy     the deployment that proved the fix in production
 * @param note           the reason of the last reopen or of the drop
 */
public record ActionItem(String id, String incidentId, String title, Priority priority, ItemType type,
        String owner, Ticket ticket, Set<String> services, LocalDate due, ItemStatus status, Instant createdAt,
        String createdBy, Instant resolvedAt, String resolvedBy, Resolution resolution, String fix,
        String fixDeployment, Instant verifiedAt, String verifiedBy, String note) {

    public ActionItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        services = Set.copyOf(services);
    }

    /** Whether this item guards deployments of {@code service}. */
    public boolean guards(String service) {
        return services.contains(Names.EVERY_SERVICE) || services.contains(service);
    }

    /**
     * Whether a change-set reference names this item: its ticket key or its own id, case-insensitively.
     */
    public boolean isNamedBy(String reference) {
        return id.equalsIgnoreCase(reference.strip()) || (ticket != null && ticket.isNamedBy(reference));
    }

    /** Whether the item is open and past its due date on {@code day}. */
    public boolean isOverdue(LocalDate day) {
        return status == ItemStatus.OPEN && due != null && due.isBefore(day);
    }

    public ActionItem resolved(Instant at, String by, Resolution how, String fixRef, String deploymentId) {
        return new ActionItem(id, incidentId, title, priority, type, owner, ticket, services, due,
                ItemStatus.RESOLVED, createdAt, createdBy, at, by, how, fixRef, deploymentId, null, null, note);
    }

    public ActionItem verified(Instant at, String deploymentId) {
        return new ActionItem(id, incidentId, title, priority, type, owner, ticket, services, due,
                ItemStatus.VERIFIED, createdAt, createdBy, resolvedAt, resolvedBy, resolution, fix, fixDeployment, at,
                deploymentId, note);
    }

    public ActionItem reopened(String reason) {
        return new ActionItem(id, incidentId, title, priority, type, owner, ticket, services, due, ItemStatus.OPEN,
                createdAt, createdBy, null, null, null, null, null, null, null, reason);
    }

    public ActionItem withTicket(Ticket newTicket) {
        return new ActionItem(id, incidentId, title, priority, type, owner, newTicket, services, due, status,
                createdAt, createdBy, resolvedAt, resolvedBy, resolution, fix, fixDeployment, verifiedAt, verifiedBy,
                note);
    }

    public ActionItem dropped(String reason) {
        return new ActionItem(id, incidentId, title, priority, type, owner, ticket, services, due,
                ItemStatus.DROPPED, createdAt, createdBy, resolvedAt, resolvedBy, resolution, fix, fixDeployment, null,
                null, reason);
    }
}
