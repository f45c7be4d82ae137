package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One production failure. The retrospective's questions are fields: which services were affected,
 * how and when it was detected, when the response started, what mitigated it, whether it was seen
 * before, which deployments triggered and rolled it back, who contributed in which role, and the
 * root cause. Immutable; the {@code with…} methods return changed copies.
 *
 * @param notSeenBefore   the retrospective answered "seen before?" with no (a link to a similar incident says yes)
 * @param noActionReason  why the retrospective decided that no action item is needed, if it did
 *
 * @param signature  the failure text used to suggest similar incidents (rollback reason, failing stage)
 * @param rollbacks  every rollback recorded against this incident, the first one included
 */
public record Incident(String id, String title, @CheckForNull Severity severity, List<String> affectedServices,
        Detection detection, Instant detectedAt, @CheckForNull Instant responseStartedAt, List<Mitigation> mitigations,
        List<String> similarIncidents, @CheckForNull DeploymentRef trigger, List<DeploymentRef> rollbacks,
        List<Contributor> contributors, @CheckForNull String rootCause, IncidentStatus status, @CheckForNull String signature,
        @CheckForNull String openedBy, @CheckForNull Instant updatedAt, boolean notSeenBefore,
        @CheckForNull String noActionReason) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(status, "status");
        affectedServices = List.copyOf(affectedServices);
        mitigations = List.copyOf(mitigations == null ? List.of() : mitigations);
        similarIncidents = List.copyOf(similarIncidents == null ? List.of() : similarIncidents);
        rollbacks = List.copyOf(rollbacks == null ? List.of() : rollbacks);
        contributors = List.copyOf(contributors == null ? List.of() : contributors);
    }

    /** The rollback that opened the incident, if a rollback did. */
    @CheckForNull
    public DeploymentRef rollback() {
        return rollbacks.isEmpty() ? null : rollbacks.get(0);
    }

    public boolean affects(String service) {
        return affectedServices.contains(service);
    }

    public Incident withStatus(IncidentStatus newStatus, Instant at) {
        return new Incident(id, title, severity, affectedServices, detection, detectedAt, responseStartedAt,
                mitigations, similarIncidents, trigger, rollbacks, contributors, rootCause, newStatus, signature,
                openedBy, at, notSeenBefore, noActionReason);
    }

    public Incident withDetails(String newTitle, @CheckForNull Severity newSeverity,
            @CheckForNull Instant newResponseStartedAt, @CheckForNull String newRootCause, Instant at) {
        return new Incident(id, newTitle, newSeverity, affectedServices, detection, detectedAt, newResponseStartedAt,
                mitigations, similarIncidents, trigger, rollbacks, contributors, newRootCause, status, signature,
                openedBy, at, notSeenBefore, noActionReason);
    }

    public Incident withMitigation(Mitigation mitigation) {
        return withMitigation(mitigation, mitigation.at());
    }

    /** The mitigation (of its own time), recorded at {@code at}: later, when it is written down after the fact. */
    public Incident withMitigation(Mitigation mitigation, Instant at) {
        return new Incident(id, title, severity, affectedServices, detection, detectedAt, responseStartedAt,
                append(mitigations, mitigation), similarIncidents, trigger, rollbacks, contributors, rootCause, status,
                signature, openedBy, at, notSeenBefore, noActionReason);
    }

    public Incident withSimilar(String incidentId, Instant at) {
        return new Incident(id, title, severity, affectedServices, detection, detectedAt, responseStartedAt,
                mitigations, append(similarIncidents, incidentId), trigger, rollbacks, contributors, rootCause, status,
                signature, openedBy, at, notSeenBefore, noActionReason);
    }

    public Incident withContributor(Contributor contributor, Instant at) {
        return new Incident(id, title, severity, affectedServices, detection, detectedAt, responseStartedAt,
                mitigations, similarIncidents, trigger, rollbacks, append(contributors, contributor), rootCause,
                status, signature, openedBy, at, notSeenBefore, noActionReason);
    }

    /** A further rollback of an affected (or newly affected) service while the incident is open. */
    public Incident withRollback(DeploymentRef rollback, @CheckForNull String reason, Instant at) {
        List<String> services = affectedServices.contains(rollback.service())
                ? affectedServices : append(affectedServices, rollback.service());
        String newSignature = reason == null ? signature : (signature == null ? reason : signature + "\n" + reason);
        return new Incident(id, title, severity, services, detection, detectedAt, responseStartedAt, mitigations,
                similarIncidents, trigger, append(rollbacks, rollback), contributors, rootCause, status, newSignature,
                openedBy, at, notSeenBefore, noActionReason);
    }

    /** The retrospective's recorded answers: not seen before, and why no action is needed ({@code null}: unchanged). */
    public Incident withRetroAnswers(boolean newNotSeenBefore, @CheckForNull String newNoActionReason, Instant at) {
        return new Incident(id, title, severity, affectedServices, detection, detectedAt, responseStartedAt,
                mitigations, similarIncidents, trigger, rollbacks, contributors, rootCause, status, signature, openedBy,
                at, newNotSeenBefore, newNoActionReason == null ? noActionReason : newNoActionReason);
    }

    private static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }

    /** An empty builder; id, title, detection, detectedAt, status and affectedServices are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this incident's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.title = title;
        b.severity = severity;
        b.affectedServices = affectedServices;
        b.detection = detection;
        b.detectedAt = detectedAt;
        b.responseStartedAt = responseStartedAt;
        b.mitigations = mitigations;
        b.similarIncidents = similarIncidents;
        b.trigger = trigger;
        b.rollbacks = rollbacks;
        b.contributors = contributors;
        b.rootCause = rootCause;
        b.status = status;
        b.signature = signature;
        b.openedBy = openedBy;
        b.updatedAt = updatedAt;
        b.notSeenBefore = notSeenBefore;
        b.noActionReason = noActionReason;
        return b;
    }

    /** Builds {@link Incident} values by field name instead of position. */
    public static final class Builder {
        @CheckForNull
        private String id;
        @CheckForNull
        private String title;
        @CheckForNull
        private Severity severity;
        @CheckForNull
        private List<String> affectedServices;
        @CheckForNull
        private Detection detection;
        @CheckForNull
        private Instant detectedAt;
        @CheckForNull
        private Instant responseStartedAt;
        private List<Mitigation> mitigations = List.of();
        private List<String> similarIncidents = List.of();
        @CheckForNull
        private DeploymentRef trigger;
        private List<DeploymentRef> rollbacks = List.of();
        private List<Contributor> contributors = List.of();
        @CheckForNull
        private String rootCause;
        @CheckForNull
        private IncidentStatus status;
        @CheckForNull
        private String signature;
        @CheckForNull
        private String openedBy;
        @CheckForNull
        private Instant updatedAt;
        private boolean notSeenBefore;
        @CheckForNull
        private String noActionReason;

        private Builder() {
        }

        public Builder notSeenBefore(boolean value) {
            this.notSeenBefore = value;
            return this;
        }

        public Builder noActionReason(@CheckForNull String value) {
            this.noActionReason = value;
            return this;
        }

        public Builder id(@CheckForNull String value) {
            this.id = value;
            return this;
        }

        public Builder title(@CheckForNull String value) {
            this.title = value;
            return this;
        }

        public Builder severity(@CheckForNull Severity value) {
            this.severity = value;
            return this;
        }

        public Builder affectedServices(@CheckForNull List<String> value) {
            this.affectedServices = value;
            return this;
        }

        public Builder detection(@CheckForNull Detection value) {
            this.detection = value;
            return this;
        }

        public Builder detectedAt(@CheckForNull Instant value) {
            this.detectedAt = value;
            return this;
        }

        public Builder responseStartedAt(@CheckForNull Instant value) {
            this.responseStartedAt = value;
            return this;
        }

        public Builder mitigations(List<Mitigation> value) {
            this.mitigations = value;
            return this;
        }

        public Builder similarIncidents(List<String> value) {
            this.similarIncidents = value;
            return this;
        }

        public Builder trigger(@CheckForNull DeploymentRef value) {
            this.trigger = value;
            return this;
        }

        public Builder rollbacks(List<DeploymentRef> value) {
            this.rollbacks = value;
            return this;
        }

        public Builder contributors(List<Contributor> value) {
            this.contributors = value;
            return this;
        }

        public Builder rootCause(@CheckForNull String value) {
            this.rootCause = value;
            return this;
        }

        public Builder status(@CheckForNull IncidentStatus value) {
            this.status = value;
            return this;
        }

        public Builder signature(@CheckForNull String value) {
            this.signature = value;
            return this;
        }

        public Builder openedBy(@CheckForNull String value) {
            this.openedBy = value;
            return this;
        }

        public Builder updatedAt(@CheckForNull Instant value) {
            this.updatedAt = value;
            return this;
        }

        /** The Incident; fails naming the first required field that was not set. */
        public Incident build() {
            return new Incident(required(id, "id"), required(title, "title"), severity, required(affectedServices,
                    "affectedServices"), required(detection, "detection"), required(detectedAt, "detectedAt"),
                    responseStartedAt, mitigations, similarIncidents, trigger, rollbacks, contributors, rootCause,
                    required(status, "status"), signature, openedBy, updatedAt, notSeenBefore, noActionReason);
        }

        private static <T> T required(@CheckForNull T value, String field) {
            if (value == null) {
                throw new IllegalStateException("Incident.Builder: " + field + " is required but was not set");
            }
            return value;
        }
    }
}
