package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
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
        @CheckForNull String owner, @CheckForNull Ticket ticket, Set<String> services, @CheckForNull LocalDate due, ItemStatus status, Instant createdAt,
        @CheckForNull String createdBy, @CheckForNull Instant resolvedAt, @CheckForNull String resolvedBy, @CheckForNull Resolution resolution, @CheckForNull String fix,
        @CheckForNull String fixDeployment, @CheckForNull Instant verifiedAt, @CheckForNull String verifiedBy, @CheckForNull String note) {

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

    public ActionItem resolved(Instant at, String by, Resolution how, @CheckForNull String fixRef,
            @CheckForNull String deploymentId) {
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
        @CheckForNull
        private String id;
        @CheckForNull
        private String incidentId;
        @CheckForNull
        private String title;
        @CheckForNull
        private Priority priority;
        @CheckForNull
        private ItemType type;
        @CheckForNull
        private String owner;
        @CheckForNull
        private Ticket ticket;
        @CheckForNull
        private Set<String> services;
        @CheckForNull
        private LocalDate due;
        @CheckForNull
        private ItemStatus status;
        @CheckForNull
        private Instant createdAt;
        @CheckForNull
        private String createdBy;
        @CheckForNull
        private Instant resolvedAt;
        @CheckForNull
        private String resolvedBy;
        @CheckForNull
        private Resolution resolution;
        @CheckForNull
        private String fix;
        @CheckForNull
        private String fixDeployment;
        @CheckForNull
        private Instant verifiedAt;
        @CheckForNull
        private String verifiedBy;
        @CheckForNull
        private String note;

        private Builder() {
        }

        public Builder id(@CheckForNull String value) {
            this.id = value;
            return this;
        }

        public Builder incidentId(@CheckForNull String value) {
            this.incidentId = value;
            return this;
        }

        public Builder title(@CheckForNull String value) {
            this.title = value;
            return this;
        }

        public Builder priority(@CheckForNull Priority value) {
            this.priority = value;
            return this;
        }

        public Builder type(@CheckForNull ItemType value) {
            this.type = value;
            return this;
        }

        public Builder owner(@CheckForNull String value) {
            this.owner = value;
            return this;
        }

        public Builder ticket(@CheckForNull Ticket value) {
            this.ticket = value;
            return this;
        }

        public Builder services(@CheckForNull Set<String> value) {
            this.services = value;
            return this;
        }

        public Builder due(@CheckForNull LocalDate value) {
            this.due = value;
            return this;
        }

        public Builder status(@CheckForNull ItemStatus value) {
            this.status = value;
            return this;
        }

        public Builder createdAt(@CheckForNull Instant value) {
            this.createdAt = value;
            return this;
        }

        public Builder createdBy(@CheckForNull String value) {
            this.createdBy = value;
            return this;
        }

        public Builder resolvedAt(@CheckForNull Instant value) {
            this.resolvedAt = value;
            return this;
        }

        public Builder resolvedBy(@CheckForNull String value) {
            this.resolvedBy = value;
            return this;
        }

        public Builder resolution(@CheckForNull Resolution value) {
            this.resolution = value;
            return this;
        }

        public Builder fix(@CheckForNull String value) {
            this.fix = value;
            return this;
        }

        public Builder fixDeployment(@CheckForNull String value) {
            this.fixDeployment = value;
            return this;
        }

        public Builder verifiedAt(@CheckForNull Instant value) {
            this.verifiedAt = value;
            return this;
        }

        public Builder verifiedBy(@CheckForNull String value) {
            this.verifiedBy = value;
            return this;
        }

        public Builder note(@CheckForNull String value) {
            this.note = value;
            return this;
        }

        /** The ActionItem; fails naming the first required field that was not set. */
        public ActionItem build() {
            return new ActionItem(required(id, "id"), required(incidentId, "incidentId"), required(title, "title"),
                    required(priority, "priority"), required(type, "type"), owner, ticket, required(services,
                    "services"), due, required(status, "status"), required(createdAt, "createdAt"), createdBy,
                    resolvedAt, resolvedBy, resolution, fix, fixDeployment, verifiedAt, verifiedBy, note);
        }

        private static <T> T required(@CheckForNull T value, String field) {
            if (value == null) {
                throw new IllegalStateException("ActionItem.Builder: " + field + " is required but was not set");
            }
            return value;
        }
    }
}
