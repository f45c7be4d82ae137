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

    /** An empty builder; id, incidentId, title, priority, type, services, status and createdAt are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this item's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.incidentId = incidentId;
        b.title = title;
        b.priority = priority;
        b.type = type;
        b.owner = owner;
        b.ticket = ticket;
        b.services = services;
        b.due = due;
        b.status = status;
        b.createdAt = createdAt;
        b.createdBy = createdBy;
        b.resolvedAt = resolvedAt;
        b.resolvedBy = resolvedBy;
        b.resolution = resolution;
        b.fix = fix;
        b.fixDeployment = fixDeployment;
        b.verifiedAt = verifiedAt;
        b.verifiedBy = verifiedBy;
        b.note = note;
        return b;
    }

    /** Builds {@link ActionItem} values by field name instead of position. */
    public static final class Builder {
        private String id;
        private String incidentId;
        private String title;
        private Priority priority;
        private ItemType type;
        private String owner;
        private Ticket ticket;
        private Set<String> services;
        private LocalDate due;
        private ItemStatus status;
        private Instant createdAt;
        private String createdBy;
        private Instant resolvedAt;
        private String resolvedBy;
        private Resolution resolution;
        private String fix;
        private String fixDeployment;
        private Instant verifiedAt;
        private String verifiedBy;
        private String note;

        private Builder() {
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder incidentId(String value) {
            this.incidentId = value;
            return this;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder priority(Priority value) {
            this.priority = value;
            return this;
        }

        public Builder type(ItemType value) {
            this.type = value;
            return this;
        }

        public Builder owner(String value) {
            this.owner = value;
            return this;
        }

        public Builder ticket(Ticket value) {
            this.ticket = value;
            return this;
        }

        public Builder services(Set<String> value) {
            this.services = value;
            return this;
        }

        public Builder due(LocalDate value) {
            this.due = value;
            return this;
        }

        public Builder status(ItemStatus value) {
            this.status = value;
            return this;
        }

        public Builder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder createdBy(String value) {
            this.createdBy = value;
            return this;
        }

        public Builder resolvedAt(Instant value) {
            this.resolvedAt = value;
            return this;
        }

        public Builder resolvedBy(String value) {
            this.resolvedBy = value;
            return this;
        }

        public Builder resolution(Resolution value) {
            this.resolution = value;
            return this;
        }

        public Builder fix(String value) {
            this.fix = value;
            return this;
        }

        public Builder fixDeployment(String value) {
            this.fixDeployment = value;
            return this;
        }

        public Builder verifiedAt(Instant value) {
            this.verifiedAt = value;
            return this;
        }

        public Builder verifiedBy(String value) {
            this.verifiedBy = value;
            return this;
        }

        public Builder note(String value) {
            this.note = value;
            return this;
        }

        /** The ActionItem; fails naming the first required field that was not set. */
        public ActionItem build() {
            require(id, "id");
            require(incidentId, "incidentId");
            require(title, "title");
            require(priority, "priority");
            require(type, "type");
            require(status, "status");
            require(createdAt, "createdAt");
            require(services, "services");
            return new ActionItem(id, incidentId, title, priority, type, owner, ticket, services, due, status,
                    createdAt, createdBy, resolvedAt, resolvedBy, resolution, fix, fixDeployment, verifiedAt,
                    verifiedBy, note);
        }

        private static void require(Object value, String field) {
            if (value == null) {
                throw new IllegalStateException("ActionItem.Builder: " + field + " is required but was not set");
            }
        }
    }
}
