package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import java.time.Instant;
import java.util.List;

/**
 * A release manager ({@code actor}) approved an override, answering the pending requests it covers.
 * Where the policy requires several approvers, {@code actor} gave the last approval and
 * {@code approvers} names them all in the order they approved (each earlier one recorded by an
 * {@link OverrideApprovalGiven}); {@code null} when the actor alone approved (every event of
 * format 3 and before).
 */
public record OverrideApproved(Instant at, String actor, String overrideId, List<String> requestIds, OverrideScope scope,
        String service, String environment, @CheckForNull String buildUrl,
        @CheckForNull String requestedBy, String reason, Instant expiresAt, @CheckForNull List<String> approvers)
        implements Event {
    public OverrideApproved {
        requestIds = List.copyOf(requestIds == null ? List.of() : requestIds);
        approvers = approvers == null ? null : List.copyOf(approvers);
    }

    /** Everyone who approved, the actor last: {@code approvers}, or the actor alone. */
    public List<String> allApprovers() {
        return approvers == null ? List.of(actor) : approvers;
    }
}
