package io.jenkins.plugins.retrogate.engine.command;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import java.util.List;
import java.util.Objects;

/**
 * What a release manager's approval did: the override took effect ({@code override}), or the policy
 * requires {@code required} distinct approvers and only {@code approvers} have approved so far.
 *
 * @param override    the override now in effect; {@code null} while more approvers are needed
 * @param approvers   who has approved, in order, the caller last
 * @param requestIds  the pending requests the approval answers
 */
public record ApprovalOutcome(@CheckForNull OverrideApproval override, String service, String environment,
        @CheckForNull String buildUrl, List<String> approvers, int required, List<String> requestIds) {

    public ApprovalOutcome {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        approvers = List.copyOf(approvers);
        requestIds = List.copyOf(requestIds == null ? List.of() : requestIds);
    }

    /** Whether the override is in effect now. */
    public boolean inEffect() {
        return override != null;
    }

    /** How many more distinct release managers must approve; 0 once the override is in effect. */
    public int missing() {
        return inEffect() ? 0 : Math.max(0, required - approvers.size());
    }

    /**
     * One line for the release manager: {@code "2 of 2 approvals (alice, bob): override OVR-3 is in effect"}
     * or {@code "1 of 2 approvals (alice) for REQ-3: 1 more release manager must approve"}.
     */
    public String summary() {
        OverrideApproval inForce = override;
        if (inForce != null) {
            return count() + ": override " + inForce.id() + " is in effect";
        }
        String what = requestIds.isEmpty() ? service + " → " + environment + (buildUrl == null ? " (window)"
                : " build " + buildUrl) : String.join(", ", requestIds);
        int more = missing();
        return count() + " for " + what + ": " + more + " more release manager" + (more == 1 ? "" : "s")
                + " must approve before the override takes effect";
    }

    /** {@code "1 of 2 approvals (alice)"}; without the parentheses while nobody has approved. */
    public String count() {
        return approvers.size() + " of " + Math.max(required, approvers.size()) + " approvals"
                + (approvers.isEmpty() ? "" : " (" + String.join(", ", approvers) + ")");
    }
}
