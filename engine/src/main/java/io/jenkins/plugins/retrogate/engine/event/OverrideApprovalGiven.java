package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import java.time.Instant;
import java.util.List;

/**
 * A release manager ({@code actor}) approved an override that the policy lets take effect only with
 * {@code required} distinct approvers, and not enough have approved yet: the approval counts towards
 * the override of {@code service} in {@code environment} (for the build {@code buildUrl}, or a
 * {@code WINDOW} for every build) until the override takes effect ({@link OverrideApproved}), a
 * request it answers is denied or expires, or it is older than the policy's override window.
 */
public record OverrideApprovalGiven(Instant at, String actor, String service, String environment,
        @CheckForNull String buildUrl, OverrideScope scope, String reason, int required, List<String> requestIds)
        implements Event {
    public OverrideApprovalGiven {
        requestIds = List.copyOf(requestIds == null ? List.of() : requestIds);
    }
}
