package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One release manager's approval of an override that needs {@code required} distinct approvers,
 * waiting for the others: for the build {@code buildUrl} of {@code service} in {@code environment},
 * or ({@code buildUrl} {@code null}) for a window over every build.
 */
public record PartialApproval(String service, String environment, @CheckForNull String buildUrl, String approver,
        Instant at, String reason, int required, List<String> requestIds) {

    public PartialApproval {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        requestIds = List.copyOf(requestIds == null ? List.of() : requestIds);
    }
}
