package io.jenkins.plugins.retrogate.engine.state;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.OverrideDenied;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequestExpired;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequested;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import java.util.List;

/**
 * How override requests and approvals change the state: requested, approved (in part, while more
 * approvers are needed, or in full), denied or expired.
 */
final class OverrideTransitions {
    private OverrideTransitions() {
    }

    /** Applies {@code event} when it is an override's or an override request's; {@code false} when it is not. */
    static boolean apply(NextState n, Event event) {
        if (event instanceof OverrideRequested e) {
            OverrideRequest request = new OverrideRequest(e.requestId(), Names.shared(e.service()),
                    Names.shared(e.environment()), e.buildUrl(), Names.shared(e.actor()), e.at(), e.blockingItems(),
                    RequestStatus.PENDING, null, null, null, null);
            n.requests = n.requests.plus(request.id(), request);
            n.pendingRequestByTarget = n.pendingRequestByTarget.plus(
                    RetroState.requestKey(e.service(), e.environment(), e.buildUrl()), request.id());
            n.counters = n.counters.withRequest(Counters.numberOf(request.id()));
        } else if (event instanceof OverrideApprovalGiven e) {
            String key = RetroState.requestKey(e.service(), e.environment(), e.buildUrl());
            PartialApproval approval = new PartialApproval(Names.shared(e.service()), Names.shared(e.environment()),
                    e.buildUrl(), Names.shared(e.actor()), e.at(), e.reason(), e.required(), e.requestIds());
            n.partialApprovals = n.partialApprovals.plus(key,
                    NextState.append(n.partialApprovals.getOrDefault(key, List.of()), approval));
        } else if (event instanceof OverrideApproved e) {
            approved(n, e);
        } else if (event instanceof OverrideDenied e) {
            OverrideRequest request = n.request(e.requestId());
            n.closeRequest(request.decided(RequestStatus.DENIED, Names.shared(e.actor()), e.at(), e.reason(), null));
            voidApprovals(n, request);
        } else if (event instanceof OverrideRequestExpired e) {
            OverrideRequest request = n.request(e.requestId());
            n.closeRequest(request.decided(RequestStatus.EXPIRED, Names.shared(e.actor()), e.at(), null, null));
            voidApprovals(n, request);
        } else {
            return false;
        }
        return true;
    }

    /**
     * A request was answered, denied or expired: the approvals waiting for more approvers of its build,
     * and any that answered it, no longer count.
     */
    private static void voidApprovals(NextState n, OverrideRequest request) {
        if (n.partialApprovals.isEmpty()) {
            return;
        }
        n.partialApprovals = n.partialApprovals.minus(
                RetroState.requestKey(request.service(), request.environment(), request.buildUrl()));
        for (var entry : n.partialApprovals.entrySet()) {
            if (entry.getValue().stream().anyMatch(a -> a.requestIds().contains(request.id()))) {
                n.partialApprovals = n.partialApprovals.minus(entry.getKey());
            }
        }
    }

    private static void approved(NextState n, OverrideApproved e) {
        OverrideApproval override = new OverrideApproval(e.overrideId(), e.scope(), Names.shared(e.service()),
                Names.shared(e.environment()), e.buildUrl(), Names.shared(e.requestedBy()), Names.shared(e.actor()),
                e.reason(), e.at(), e.expiresAt(), e.requestIds(), NextState.shared(e.allApprovers()));
        n.partialApprovals = n.partialApprovals.minus(RetroState.requestKey(e.service(), e.environment(),
                e.buildUrl()));
        n.overrides = n.overrides.plus(override.id(), override);
        String target = RetroState.target(e.service(), e.environment());
        n.overridesByTarget = n.overridesByTarget.plus(target,
                n.overridesByTarget.getOrDefault(target, RetroState.NO_IDS).plus(override.id()));
        n.counters = n.counters.withOverride(Counters.numberOf(override.id()));
        for (String requestId : e.requestIds()) {
            OverrideRequest request = n.request(requestId);
            n.closeRequest(request.decided(RequestStatus.APPROVED, override.approvedBy(), e.at(), e.reason(),
                    override.id()));
            voidApprovals(n, request); // a tally for the answered request's build has nothing left to answer
        }
    }
}
