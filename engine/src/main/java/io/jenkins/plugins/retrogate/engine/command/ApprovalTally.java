package io.jenkins.plugins.retrogate.engine.command;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The approvals that count towards an override needing several approvers (N of M): those given for
 * the same build (or window), not older than the policy's override window, and, with four eyes, not
 * given by someone who requested one of the deployments the override answers.
 */
final class ApprovalTally {
    private ApprovalTally() {
    }

    static List<PartialApproval> counted(RetroState state, GatePolicy policy, String service, String environment,
            @CheckForNull String buildUrl, List<OverrideRequest> requests, Instant now) {
        List<PartialApproval> result = new ArrayList<>();
        for (PartialApproval approval : state.partialApprovals(service, environment, buildUrl)) {
            boolean fresh = approval.at().plus(policy.maxOverrideWindow()).isAfter(now);
            boolean requester = policy.fourEyes() && requests.stream()
                    .anyMatch(r -> Names.samePerson(approval.approver(), r.requestedBy()));
            if (fresh && !requester) {
                result.add(approval);
            }
        }
        return result;
    }

    /** Refuses an approver who already approved: every approval must come from a different person. */
    static void refuseSecondApproval(List<PartialApproval> counted, String approver, int required,
            List<OverrideRequest> requests, String service, String environment, @CheckForNull String buildUrl) {
        for (PartialApproval approval : counted) {
            if (Names.samePerson(approval.approver(), approver)) {
                String what = requests.isEmpty() ? "the override of " + service + " → " + environment
                        + (buildUrl == null ? "" : " build " + buildUrl)
                        : String.join(", ", requests.stream().map(OverrideRequest::id).toList());
                throw new RefusedException(approver + " already approved " + what + " (" + counted.size() + " of "
                        + required + "); another release manager must approve");
            }
        }
    }
}
