package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.command.EventFields.broken;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.buildUrl;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.line;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.name;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.nextId;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.optionalLine;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.present;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.rule;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.text;

import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequested;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Choices;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.ApprovalRule;
import io.jenkins.plugins.retrogate.engine.policy.GateEvaluator;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link EventRules} for what passes the gate: deployments started, the gate's decisions, override
 * requests and approvals. Remembers whether the log tracks the gate yet (a gate decision or a
 * deployment that says how it passed the gate, both of event format 2): from then on every deployment
 * must say it.
 */
final class GateEventRules {
    private final GatePolicy policy;
    private boolean gateTracked;

    GateEventRules(GatePolicy policy) {
        this.policy = policy;
    }

    void started(RetroState before, DeploymentStarted e) {
        nextId("deploymentId", e.deploymentId(), Ids.deployment(before.counters().deployments() + 1));
        present("ref", e.ref(), "where the deployment went");
        EventFields.ref("ref", e.ref());
        if (!e.deploymentId().equals(e.ref().deploymentId())) {
            throw broken("ref.deploymentId", e.ref().deploymentId(), "is not the deployment's own id " + e.deploymentId());
        }
        for (String ticket : e.changeTickets()) {
            line("changeTickets", ticket, 200);
        }
        if (e.gate() == null) {
            if (gateTracked) {
                throw broken("gate", "", "is missing: since the log's first gate decision or deployment that says"
                        + " how it went past the gate (event format 2), every deployment says it");
            }
            return; // recorded before the gate was tracked: what it says of the gate is not known
        }
        gateTracked = true;
        DeploymentGate expected = DeploymentGate.of(before, policy.fourEyes(), e.ref().service(),
                e.ref().environment(), e.ref().url(), e.production(), e.actor(), e.at());
        DeploymentGate recorded = new DeploymentGate(e.decision(), e.gate(), e.overrideId(), e.bypass());
        if (!recorded.equals(expected)) {
            throw broken("gate", e.gate() + " " + e.decision(), "does not match what the gate recorded for build "
                    + e.ref().url() + ", which gives " + expected.gate() + " " + expected.decision()
                    + (expected.overrideId() == null ? "" : " (override " + expected.overrideId() + ")")
                    + (expected.bypass() == null ? "" : " (" + expected.bypass() + ")"));
        }
    }

    void decided(RetroState before, GateDecided e) {
        gateTracked = true;
        name("service", e.service());
        name("environment", e.environment());
        present("buildUrl", e.buildUrl(), "the build the decision is for");
        buildUrl("buildUrl", e.buildUrl());
        optionalLine("requestedBy", e.requestedBy(), 200);
        Decision decision = e.decision();
        present("decision", decision, "one of " + Choices.allowed(Decision.class) + " is required");
        String override = null;
        String request = null;
        if (decision == Decision.OVERRIDDEN) {
            override = GateEvaluator.usableOverride(before, policy.fourEyes(), e.service(), e.environment(),
                    e.buildUrl(), e.at(), Collections.singletonList(e.requestedBy()), new ArrayList<>())
                    .map(OverrideApproval::id).orElse(null);
            if (override == null || !override.equals(e.overrideId())) {
                throw broken("overrideId", e.overrideId(), override == null
                        ? "names no override that covered this build then and was approved by someone other than"
                                + " its requester (four eyes)"
                        : "is not the override that let this build through then, " + override);
            }
        } else if (decision == Decision.BLOCK) {
            request = before.pendingRequest(e.service(), e.environment(), e.buildUrl()).map(OverrideRequest::id)
                    .orElse(null);
            if (request == null || !request.equals(e.requestId())) {
                throw broken("requestId", e.requestId(), "is not the PENDING override request of this build"
                        + (request == null ? " (it has none)" : ", " + request));
            }
        }
        if (!Objects.equals(override, e.overrideId())) {
            throw broken("overrideId", e.overrideId(), "is set, but only an OVERRIDDEN decision names an override");
        }
        if (!Objects.equals(request, e.requestId())) {
            throw broken("requestId", e.requestId(), "is set, but only a BLOCK names an override request");
        }
    }

    void requested(RetroState before, OverrideRequested e) {
        nextId("requestId", e.requestId(), Ids.overrideRequest(before.counters().requests() + 1));
        name("service", e.service());
        name("environment", e.environment());
        buildUrl("buildUrl", e.buildUrl());
        Optional<OverrideRequest> pending = before.pendingRequest(e.service(), e.environment(), e.buildUrl());
        if (pending.isPresent()) {
            throw broken("requestId", e.requestId(), "asks again for a build whose request "
                    + pending.get().id() + " is PENDING; the gate finds that one instead");
        }
        for (String item : e.blockingItems()) {
            if (!before.items().containsKey(item)) {
                throw broken("blockingItems", item, "names no action item an earlier event added");
            }
        }
    }

    void approved(RetroState before, OverrideApproved e) {
        nextId("overrideId", e.overrideId(), Ids.override(before.counters().overrides() + 1));
        present("expiresAt", e.expiresAt(), "when the override ends");
        if (!e.expiresAt().isAfter(e.at())) {
            throw broken("expiresAt", e.expiresAt(), "is not after the approval (" + e.at() + ")");
        }
        List<String> approvers = e.allApprovers();
        if (approvers.isEmpty() || !approvers.get(approvers.size() - 1).equals(e.actor())) {
            throw broken("approvers", approvers, "must end with the actor, whose approval made the override take effect");
        }
        List<OverrideRequest> requests = answers(before, e.actor(), e.service(), e.environment(), e.buildUrl(),
                e.scope(), e.reason(), e.requestIds());
        for (int i = 0; i < approvers.size(); i++) {
            line("approvers", approvers.get(i), 200);
            for (int j = 0; j < i; j++) {
                if (Names.samePerson(approvers.get(i), approvers.get(j))) {
                    throw broken("approvers", approvers, "names " + approvers.get(i)
                            + " twice; each approver is a different person");
                }
            }
        }
        for (int i = 0; i < approvers.size(); i++) {
            String name = approvers.get(i);
            for (OverrideRequest request : requests) {
                rule("approvers", name, () -> OverrideCommands.refuseSelfApproval(policy, Actor.of(name),
                        request.requestedBy(), request.id()));
            }
            if (i < approvers.size() - 1 && before.partialApprovals(e.service(), e.environment(), e.buildUrl())
                    .stream().noneMatch(a -> Names.samePerson(a.approver(), name))) {
                throw broken("approvers", name, "gave no approval of this override that an earlier event recorded"
                        + " (override-approval-given)");
            }
        }
        String requester = requests.isEmpty() ? null : requests.get(0).requestedBy();
        if (!Objects.equals(requester, e.requestedBy())) {
            throw broken("requestedBy", e.requestedBy(), "is not who asked for the first request it answers ("
                    + requester + ")");
        }
    }

    /** One approval of an override needing several approvers: the same rules as an override's, and a new approver. */
    void approvalGiven(RetroState before, OverrideApprovalGiven e) {
        if (e.required() < 2 || e.required() > ApprovalRule.MAX_REQUIRED) {
            throw broken("required", e.required(), "must be from 2 to " + ApprovalRule.MAX_REQUIRED
                    + ": one approver needs no partial approval");
        }
        List<OverrideRequest> requests = answers(before, e.actor(), e.service(), e.environment(), e.buildUrl(),
                e.scope(), e.reason(), e.requestIds());
        List<PartialApproval> earlier = ApprovalTally.counted(before, policy, e.service(), e.environment(),
                e.buildUrl(), requests, e.at());
        rule("actor", e.actor(), () -> ApprovalTally.refuseSecondApproval(earlier, e.actor(), e.required(), requests,
                e.service(), e.environment(), e.buildUrl()));
    }

    /**
     * The rules an approval shares with an override: a valid target and reason, the scope fitting the
     * build, no denied build, and {@code requestIds} exactly the PENDING requests it covers, none of them
     * requested by {@code actor} (four eyes). Returns those requests.
     */
    private List<OverrideRequest> answers(RetroState before, String actor, String service, String environment,
            String buildUrl, OverrideScope scope, String reason, List<String> requestIds) {
        name("service", service);
        name("environment", environment);
        buildUrl("buildUrl", buildUrl);
        text("reason", reason, IncidentCommands.TEXT_MAX);
        present("scope", scope, "BUILD or WINDOW");
        if ((scope == OverrideScope.BUILD) != (buildUrl != null)) {
            throw broken("scope", scope, "does not fit buildUrl: a BUILD override names its build, a WINDOW one none");
        }
        if (buildUrl != null) {
            rule("buildUrl", buildUrl, () -> OverrideCommands.refuseDeniedBuild(before, service, environment, buildUrl));
        }
        Actor approver = Actor.of(actor);
        List<OverrideRequest> requests = new ArrayList<>();
        for (String id : requestIds) {
            OverrideRequest[] request = new OverrideRequest[1];
            rule("requestIds", id, () -> request[0] = OverrideCommands.pending(before, id));
            if (!request[0].service().equals(service) || !request[0].environment().equals(environment)
                    || (buildUrl != null && !buildUrl.equals(request[0].buildUrl()))) {
                throw broken("requestIds", id, "asks for " + request[0].service() + " → " + request[0].environment()
                        + (request[0].buildUrl() == null ? "" : " build " + request[0].buildUrl())
                        + ", which this override does not cover");
            }
            rule("actor", actor, () -> OverrideCommands.refuseSelfApproval(policy, approver,
                    request[0].requestedBy(), request[0].id()));
            requests.add(request[0]);
        }
        List<String> covered = OverrideCommands.pendingFor(before, service, environment, buildUrl)
                .stream().map(OverrideRequest::id).toList();
        if (!covered.equals(requestIds)) {
            throw broken("requestIds", requestIds, "are not the PENDING requests the override covers, " + covered
                    + "; an approval answers every one of them");
        }
        return requests;
    }
}
