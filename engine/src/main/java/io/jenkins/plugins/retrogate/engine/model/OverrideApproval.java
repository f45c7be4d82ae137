package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An approved exception to a block: for one build ({@code buildUrl}) or for every deployment of
 * a service to an environment until {@code expiresAt}. Who asked and who approved are recorded:
 * {@code approvedBy} gave the approval that made it take effect, {@code approvers} names everyone
 * who approved it, in order, {@code approvedBy} last (one name unless the policy required more).
 */
public record OverrideApproval(String id, OverrideScope scope, String service, String environment, @CheckForNull String buildUrl,
        @CheckForNull String requestedBy, String approvedBy, String reason, Instant approvedAt, Instant expiresAt,
        List<String> requestIds, List<String> approvers) {

    public OverrideApproval {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        requestIds = List.copyOf(requestIds == null ? List.of() : requestIds);
        approvers = approvers == null || approvers.isEmpty() ? List.of(approvedBy) : List.copyOf(approvers);
    }

    /** Whether this override lets a deployment of the build {@code url} through at {@code at}. */
    public boolean covers(String service, String environment, String url, Instant at) {
        if (!this.service.equals(service) || !this.environment.equals(environment) || !at.isBefore(expiresAt)) {
            return false;
        }
        return scope == OverrideScope.WINDOW || (buildUrl != null && buildUrl.equals(url));
    }
}
