package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.OverrideDenied;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequestExpired;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequested;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.BuildDecision;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.policy.GateEvaluator;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The gate as a command (a block raises an override request) and the release manager's answers:
 * approve, with four eyes, or deny; and expiry of a request nobody answered.
 */
final class OverrideCommands {
    private OverrideCommands() {
    }

    /**
     * Evaluates the gate for {@code request}. A block raises (or finds) the override request; for a
     * request that names a build, the decision is recorded when it differs from the last one recorded
     * for that build, so that a deployment of the build carries it ({@link DeploymentGate}).
     */
    static Change<GateOutcome> gate(RetroState state, GatePolicy policy, Actor actor, GateRequest request) {
        GateDecision decision = GateEvaluator.evaluate(state, policy, request);
        List<Event> events = new ArrayList<>();
        OverrideRequest raised = null;
        RetroState after = state;
        if (decision.decision() == Decision.BLOCK) {
            Optional<OverrideRequest> pending = state.pendingRequest(request.service(), request.environment(),
                    request.buildUrl());
            if (pending.isPresent()) {
                raised = pending.get();
            } else {
                String id = Ids.overrideRequest(state.counters().requests() + 1);
                String requestedBy = request.requestedBy();
                String requester = requestedBy == null ? actor.name() : requestedBy;
                OverrideRequested requested = new OverrideRequested(request.at(), requester, id, request.service(),
                        request.environment(), request.buildUrl(),
                        decision.blockingItems().stream().map(ActionItem::id).toList());
                events.add(requested);
                after = state.apply(state.sequence() + 1, requested);
                raised = after.requests().get(id);
            }
        }
        String buildUrl = request.buildUrl();
        if (buildUrl != null) {
            OverrideApproval override = decision.override();
            GateDecided decided = new GateDecided(request.at(), actor.name(), request.service(),
                    request.environment(), buildUrl, request.requestedBy(), decision.decision(),
                    override == null ? null : override.id(), raised == null ? null : raised.id());
            if (!state.decisionFor(request.service(), request.environment(), buildUrl)
                    .filter(last -> sameDecision(last, decided)).isPresent()) {
                events.add(decided);
            }
        }
        return Change.of(new GateOutcome(decision, raised), events);
    }

    /** Whether a new decision says what the build's last recorded one says (asking again records nothing). */
    private static boolean sameDecision(BuildDecision last, GateDecided decided) {
        return last.decision().equals(decided.decision()) && Objects.equals(last.overrideId(), decided.overrideId())
                && Objects.equals(last.requestId(), decided.requestId())
                && Objects.equals(last.requestedBy(), decided.requestedBy());
    }

    /**
     * A release manager approves an override. Where the policy requires several distinct approvers for
     * the service and environment, the approval is recorded and counts until the last one needed,
     * which makes the override take effect with every approver named.
     */
    static Change<ApprovalOutcome> approve(RetroState state, GatePolicy policy, Actor actor, OverrideGrant grant,
            Instant now) {
        String service = Names.service("service", grant.service());
        String environment = Names.environment("environment", grant.environment());
        String buildUrl = Names.buildUrl("buildUrl", grant.buildUrl());
        String reason = InvalidInputException.requireText("reason", grant.reason(), IncidentCommands.TEXT_MAX);
        Duration window = grant.window() == null ? policy.maxOverrideWindow() : grant.window();
        if (window.isNegative() || window.isZero() || window.compareTo(policy.maxOverrideWindow()) > 0) {
            throw new InvalidInputException("for", window, "must be more than zero and at most the policy's override window "
                    + policy.maxOverrideWindow());
        }
        requirePermission(actor, "approve an override");
        if (buildUrl != null) {
            refuseDeniedBuild(state, service, environment, buildUrl);
        }
        List<OverrideRequest> requests = pendingFor(state, service, environment, buildUrl);
        for (OverrideRequest request : requests) {
            refuseSelfApproval(policy, actor, request.requestedBy(), request.id());
        }
        OverrideScope scope = buildUrl == null ? OverrideScope.WINDOW : OverrideScope.BUILD;
        List<String> requestIds = requests.stream().map(OverrideRequest::id).toList();
        int required = policy.requiredApprovals(service, environment);
        List<PartialApproval> earlier = ApprovalTally.counted(state, policy, service, environment, buildUrl,
                requests, now);
        ApprovalTally.refuseSecondApproval(earlier, actor.name(), required, requests, service, environment, buildUrl);
        List<String> approvers = new ArrayList<>();
        earlier.forEach(a -> approvers.add(a.approver()));
        approvers.add(actor.name());
        if (approvers.size() < required) {
            OverrideApprovalGiven given = new OverrideApprovalGiven(now, actor.name(), service, environment, buildUrl,
                    scope, reason, required, requestIds);
            return Change.of(new ApprovalOutcome(null, service, environment, buildUrl, approvers, required,
                    requestIds), List.of(given));
        }
        String id = Ids.override(state.counters().overrides() + 1);
        String requestedBy = requests.isEmpty() ? null : requests.get(0).requestedBy();
        OverrideApproved approved = new OverrideApproved(now, actor.name(), id, requestIds, scope, service,
                environment, buildUrl, requestedBy, reason, now.plus(window), approvers.size() > 1 ? approvers : null);
        OverrideApproval override = state.apply(state.sequence() + 1, approved).overrides().get(id);
        return Change.of(new ApprovalOutcome(override, service, environment, buildUrl, approvers, required,
                requestIds), List.of(approved));
    }

    /**
     * A release manager answers one request: only a PENDING request can be approved, and the
     * override is built from the request (its service, environment and build), never from what the
     * caller says about it.
     *
     * @param window {@code true}: every deployment of the request's service to its environment for
     *               {@code duration}; {@code false}: the request's build only
     */
    static Change<ApprovalOutcome> approveRequest(RetroState state, GatePolicy policy, Actor actor,
            String requestId, boolean window, String reason, Duration duration, Instant now) {
        OverrideRequest request = pending(state, requestId);
        requirePermission(actor, "approve an override");
        refuseSelfApproval(policy, actor, request.requestedBy(), request.id());
        if (!window && request.buildUrl() == null) {
            throw new InvalidInputException("scope", "build", "cannot be used: request " + request.id()
                    + " names no build; approve a window for " + request.service() + " → " + request.environment());
        }
        String buildUrl = window ? null : request.buildUrl();
        return approve(state, policy, actor, new OverrideGrant(request.service(), request.environment(), buildUrl,
                reason, duration), now);
    }

    /**
     * A build ended: whatever it still asks for is moot, so its PENDING requests expire (recorded
     * with the actor, usually the build itself).
     */
    static Change<List<OverrideRequest>> closeRequestsOfBuild(RetroState state, Actor actor, String rawBuildUrl,
            Instant now) {
        String buildUrl = Names.buildUrl("buildUrl", rawBuildUrl);
        if (buildUrl == null) {
            throw new InvalidInputException("buildUrl", "", "is missing: the build whose requests close");
        }
        List<io.jenkins.plugins.retrogate.engine.event.Event> events = new ArrayList<>();
        for (String id : state.pendingRequestByTarget().values()) {
            OverrideRequest request = state.requests().get(id);
            if (buildUrl.equals(request.buildUrl())) {
                events.add(new OverrideRequestExpired(now, actor.name(), request.id()));
            }
        }
        RetroState after = state.applyAll(events);
        List<OverrideRequest> closed = events.stream()
                .map(e -> after.requests().get(((OverrideRequestExpired) e).requestId())).toList();
        return Change.of(closed, events);
    }

    static Change<OverrideRequest> deny(RetroState state, Actor actor, String requestId, String reason, Instant now) {
        OverrideRequest request = pending(state, requestId);
        String why = InvalidInputException.requireText("reason", reason, IncidentCommands.TEXT_MAX);
        requirePermission(actor, "deny an override");
        OverrideDenied denied = new OverrideDenied(now, actor.name(), request.id(), why);
        return Change.of(state.apply(state.sequence() + 1, denied).requests().get(request.id()), List.of(denied));
    }

    static Change<OverrideRequest> expire(RetroState state, Actor actor, String requestId, Instant now) {
        OverrideRequest request = pending(state, requestId);
        OverrideRequestExpired expired = new OverrideRequestExpired(now, actor.name(), request.id());
        return Change.of(state.apply(state.sequence() + 1, expired).requests().get(request.id()), List.of(expired));
    }

    static OverrideRequest pending(RetroState state, String requestId) {
        OverrideRequest request = state.request(requestId == null ? "" : requestId.strip())
                .orElseThrow(() -> new InvalidInputException("request", requestId, "does not exist"));
        if (request.status() != RequestStatus.PENDING) {
            throw new RefusedException("Override request " + request.id() + " was already " + request.status()
                    + (request.decidedBy() == null ? "" : " by " + request.decidedBy()));
        }
        return request;
    }

    /** The pending requests an approval answers: the build's own, or every one of the target for a window. */
    static List<OverrideRequest> pendingFor(RetroState state, String service, String environment,
            String buildUrl) {
        if (buildUrl != null) {
            return state.pendingRequest(service, environment, buildUrl).map(List::of).orElse(List.of());
        }
        List<OverrideRequest> result = new ArrayList<>();
        String prefix = service + '|' + environment + '|';
        for (var entry : state.pendingRequestByTarget().entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                result.add(state.requests().get(entry.getValue()));
            }
        }
        result.sort(java.util.Comparator.comparing(OverrideRequest::requestedAt).thenComparing(OverrideRequest::id));
        return result;
    }

    /** A denial stands for its build: no override for that build may be approved afterwards. */
    static void refuseDeniedBuild(RetroState state, String service, String environment, String buildUrl) {
        for (OverrideRequest request : state.requests().values()) {
            if (request.status() == RequestStatus.DENIED && buildUrl.equals(request.buildUrl())
                    && request.service().equals(service) && request.environment().equals(environment)) {
                throw new RefusedException("Override request " + request.id() + " for this build was DENIED by "
                        + request.decidedBy() + " (" + request.reason() + "); a denial stands for its build");
            }
        }
    }

    private static void requirePermission(Actor actor, String what) {
        if (!actor.may(Permission.OVERRIDE)) {
            throw new RefusedException(actor.name() + " may not " + what + ": that needs the Retro Gate Override permission");
        }
    }

    static void refuseSelfApproval(GatePolicy policy, Actor actor, String requester, String requestId) {
        if (policy.fourEyes() && Names.samePerson(actor.name(), requester)) {
            throw new RefusedException("Four eyes: " + actor.name() + " requested the blocked deployment ("
                    + requestId + ") and may not approve its override; another release manager must");
        }
    }
}
