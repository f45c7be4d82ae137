package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.event.DeploymentFinished;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.ItemReopened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.event.RollbackRecorded;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deployments: their start (with the gate decision recorded for their build, or a bypass), their end,
 * and what an end does — a successful production deployment resolves the items its change set names
 * and verifies the resolved items it proves; a rollback reopens the items it carried and, in
 * production (or wherever the policy says), opens or extends an incident.
 */
final class DeploymentCommands {
    private DeploymentCommands() {
    }

    static Change<Deployment> start(RetroState state, GatePolicy policy, Actor actor, NewDeployment input,
            Instant now) {
        DeploymentStarted started = started(state, policy, actor, input, now, null);
        return Change.of(state.apply(state.sequence() + 1, started).deployments().get(started.deploymentId()),
                List.of(started));
    }

    /**
     * The gate and the deployment's start as one command: the decision is made, recorded and acted on
     * against one state, so nothing recorded in between (a new blocking item, a withdrawn override)
     * can slip past it; a decision that does not let the deployment through starts nothing.
     */
    static Change<BegunDeployment> begin(RetroState state, GatePolicy policy, Actor actor, NewDeployment input,
            Instant now) {
        if (input.request().buildUrl() == null) { // the decision is recorded for the build, and the deployment carries it
            throw new InvalidInputException("buildUrl", "", "is needed to gate and start a deployment in one command");
        }
        Change<GateOutcome> gated = OverrideCommands.gate(state, policy, actor, input.request());
        if (!gated.result().decision().allowed()) {
            return Change.of(new BegunDeployment(gated.result(), null), gated.events());
        }
        Change<Deployment> started = start(state.applyAll(gated.events()), policy, actor, input, now);
        List<Event> events = new ArrayList<>(gated.events());
        events.addAll(started.events());
        return Change.of(new BegunDeployment(gated.result(), started.result()), events);
    }

    /** The deployment ended, at {@code at} when that was before now ({@code null}: now). */
    static Change<DeploymentResult> finish(RetroState state, GatePolicy policy, Actor actor, String deploymentId,
            Outcome outcome, String reason, Instant at, Instant now) {
        Deployment deployment = state.deployment(deploymentId)
                .orElseThrow(() -> new InvalidInputException("deployment", deploymentId, "does not exist"));
        LifecycleRules.requireRunning(deployment, outcome);
        Instant happened = FactTime.of(at, now, deployment.startedAt(), "the deployment's start");
        List<Event> events = new ArrayList<>();
        events.add(new DeploymentFinished(now, actor.name(), deployment.id(), outcome,
                FactTime.happenedAt(happened, now)));
        List<String> resolved = new ArrayList<>();
        List<String> verified = new ArrayList<>();
        List<String> reopened = new ArrayList<>();
        String incidentId = null;
        String noIncident = null;
        if (outcome == Outcome.SUCCEEDED && deployment.production()) {
            verify(state, actor, deployment.finished(outcome, happened), now, events, resolved, verified);
        } else if (outcome == Outcome.ROLLED_BACK) {
            reopen(state, actor, deployment, now, events, reopened);
            noIncident = noIncident(policy, deployment);
            if (noIncident == null) {
                incidentId = rollbackIncident(state, actor, deployment, null, reason, now, happened, events);
            }
        }
        RetroState after = state.applyAll(events);
        Incident incident = incidentId == null ? null : after.incidents().get(incidentId);
        return Change.of(new DeploymentResult(after.deployments().get(deployment.id()), resolved, verified, reopened,
                incident, noIncident), events);
    }

    /**
     * A deployment recorded after the fact: started and ended at once, at {@code at} when that was
     * before now ({@code null}: now).
     */
    static Change<DeploymentResult> record(RetroState state, GatePolicy policy, Actor actor, NewDeployment input,
            Outcome outcome, String reason, Instant at, Instant now) {
        Instant happened = FactTime.of(at, now, null, null);
        DeploymentStarted started = started(state, policy, actor, input, now, FactTime.happenedAt(happened, now));
        RetroState running = state.apply(state.sequence() + 1, started);
        Change<DeploymentResult> finished = finish(running, policy, actor, started.deploymentId(), outcome, reason,
                happened, now);
        List<Event> events = new ArrayList<>();
        events.add(started);
        events.addAll(finished.events());
        return Change.of(finished.result(), events);
    }

    static Change<RollbackResult> rollback(RetroState state, GatePolicy policy, Actor actor, RollbackRequest input,
            Instant now) {
        String service = Names.service("service", input.service());
        String environment = Names.environment("environment", input.environment());
        String reason = InvalidInputException.optionalText("reason", input.reason(), IncidentCommands.TEXT_MAX);
        Optional<Deployment> running = input.deploymentId() == null
                ? latestDeployment(state, service, environment, input.version())
                : Optional.of(state.deployment(input.deploymentId()).orElseThrow(
                        () -> new InvalidInputException("deployment", input.deploymentId(), "does not exist")));
        running.filter(d -> !d.service().equals(service) || !d.environment().equals(environment)).ifPresent(d -> {
            throw new InvalidInputException("deployment", d.id(), "deployed " + d.service() + " to "
                    + d.environment() + ", not " + service + " to " + environment);
        });
        Instant happened = FactTime.of(input.at(), now, running.map(Deployment::startedAt).orElse(null),
                "the start of the deployment rolled back");
        Instant happenedAt = FactTime.happenedAt(happened, now);
        List<Event> events = new ArrayList<>();
        RetroState current = state;
        Deployment deployment;
        Optional<Deployment> ended = running.filter(d -> d.outcome() != null);
        if (running.isPresent()) {
            // the deployment itself is rolled back, whether it is still running or has ended: one
            // deployment, counted once (a failed deployment that is rolled back is one failure)
            deployment = running.get();
        } else {
            // a deployment made elsewhere, known only by what the caller says
            GateRequest request = GateRequest.of(service, environment, null, input.buildUrl(), actor.name(), List.of(),
                    null, now);
            DeploymentStarted started = started(state, policy, actor,
                    new NewDeployment(request, input.version(), input.job(), input.build()), now, happenedAt);
            events.add(started);
            current = state.apply(state.sequence() + 1, started);
            deployment = current.deployments().get(started.deploymentId());
        }
        if (deployment.outcome() != Outcome.ROLLED_BACK) {
            events.add(new DeploymentFinished(now, actor.name(), deployment.id(), Outcome.ROLLED_BACK, happenedAt));
        }
        List<String> reopened = new ArrayList<>();
        reopen(current, actor, deployment, now, events, reopened);
        ended.ifPresent(d -> reopenVerifiedBy(state, actor, d, now, events, reopened));
        DeploymentRef rollbackRef = new DeploymentRef(null, input.job(), input.build(),
                Names.buildUrl("buildUrl", input.buildUrl()), service,
                environment, deployment.ref().version());
        String noIncident = noIncident(policy, deployment);
        boolean opened = noIncident == null && current.openIncidentOf(service).isEmpty();
        String incidentId = noIncident != null ? null
                : rollbackIncident(current, actor, ended.orElse(deployment), rollbackRef, reason, now, happened,
                        events);
        RetroState after = state.applyAll(events);
        Incident incident = incidentId == null ? null : after.incidents().get(incidentId);
        return Change.of(new RollbackResult(incident, opened, deployment.id(), reopened,
                opened ? SimilarIncidents.suggest(after, incident) : List.of(), noIncident), events);
    }

    /**
     * Why a rollback of {@code deployment} opens no incident, or {@code null} when it opens (or
     * extends) one: an incident is a production failure, unless the policy counts every environment.
     */
    private static String noIncident(GatePolicy policy, Deployment deployment) {
        if (deployment.production() || policy.openIncidentsOutsideProduction()) {
            return null;
        }
        return deployment.environment() + " is not a production environment: no incident opened"
                + " (policy openIncidentsOutsideProduction is false)";
    }

    /**
     * The deployment a rollback that names none undoes: the latest recorded deployment of the
     * service to the environment (of {@code version}, when the caller names one) that is not rolled
     * back already. None: the deployment was made elsewhere, and the rollback records it. Scans the
     * deployments; rollbacks are rare.
     */
    private static Optional<Deployment> latestDeployment(RetroState state, String service, String environment,
            String version) {
        Deployment latest = null;
        long latestNumber = -1;
        for (Deployment d : state.deployments().values()) {
            if (d.service().equals(service) && d.environment().equals(environment) && d.outcome() != Outcome.ROLLED_BACK
                    && (version == null || version.strip().equals(d.ref().version()))) {
                long number = io.jenkins.plugins.retrogate.engine.state.Counters.numberOf(d.id());
                if (number > latestNumber) {
                    latest = d;
                    latestNumber = number;
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The start of a deployment, with what the gate said of its build ({@link DeploymentGate}): the
     * engine finds the decision; a caller cannot hand one in.
     */
    private static DeploymentStarted started(RetroState state, GatePolicy policy, Actor actor, NewDeployment input,
            Instant now, Instant happenedAt) {
        GateRequest request = input.request();
        String id = Ids.deployment(state.counters().deployments() + 1);
        DeploymentRef ref = new DeploymentRef(id, InvalidInputException.optionalLine("job", input.job(), 1000),
                input.build(), request.buildUrl(), request.service(), request.environment(),
                InvalidInputException.optionalLine("version", input.version(), 200));
        if (input.build() != null && input.build() < 0) {
            throw new InvalidInputException("build", input.build(), "must be a build number of 0 or more");
        }
        boolean production = policy.isProduction(request.environment());
        DeploymentGate gate = DeploymentGate.of(state, policy.fourEyes(), request.service(), request.environment(),
                request.buildUrl(), production, actor.name(), now);
        return new DeploymentStarted(now, actor.name(), id, ref, production, List.copyOf(request.changeTickets()),
                gate.decision(), gate.gate(), gate.overrideId(), gate.bypass(), happenedAt);
    }

    /** {@code ended}: the deployment as it ended, successfully, in production. */
    private static void verify(RetroState state, Actor actor, Deployment ended, Instant now, List<Event> events,
            List<String> resolved, List<String> verified) {
        for (ActionItem item : state.activeItemsGuarding(ended.service())) {
            ActionItem current = item;
            if (LifecycleRules.resolvesByCarrying(ended, item)) {
                String version = ended.ref().version();
                String fix = version == null ? ended.id() : version;
                events.add(new ItemResolved(now, actor.name(), item.id(), Resolution.DEPLOYMENT, fix, ended.id()));
                resolved.add(item.id());
                current = item.resolved(now, actor.name(), Resolution.DEPLOYMENT, fix, ended.id());
            }
            if (LifecycleRules.proves(ended, current)) {
                events.add(new ItemVerified(now, actor.name(), item.id(), ended.id()));
                verified.add(item.id());
            }
        }
    }

    private static void reopen(RetroState state, Actor actor, Deployment deployment, Instant now, List<Event> events,
            List<String> reopened) {
        for (ActionItem item : state.activeItemsGuarding(deployment.service())) {
            if (item.status() == ItemStatus.RESOLVED && deployment.carries(item)) {
                events.add(new ItemReopened(now, actor.name(), item.id(),
                        "deployment " + deployment.id() + " carrying the fix was rolled back"));
                reopened.add(item.id());
            }
        }
    }

    /**
     * A rolled-back deployment that verified items proved nothing: they are open again. (Scans the
     * items; rollbacks are rare.)
     */
    private static void reopenVerifiedBy(RetroState state, Actor actor, Deployment rolledBack, Instant now,
            List<Event> events, List<String> reopened) {
        state.items().values().stream()
                .filter(item -> item.status() == ItemStatus.VERIFIED && rolledBack.id().equals(item.verifiedBy()))
                .sorted(RetroState.ITEM_ORDER)
                .forEach(item -> {
                    events.add(new ItemReopened(now, actor.name(), item.id(),
                            "deployment " + rolledBack.id() + " that verified it was rolled back"));
                    reopened.add(item.id());
                });
    }

    /** The incident the rollback opens (detected when the rollback happened) or extends. */
    private static String rollbackIncident(RetroState state, Actor actor, Deployment deployment,
            DeploymentRef rollbackRef, String reason, Instant now, Instant happened, List<Event> events) {
        DeploymentRef rollback = rollbackRef == null ? deployment.ref() : rollbackRef;
        Optional<Incident> open = state.openIncidentOf(deployment.service());
        if (open.isPresent()) {
            events.add(new RollbackRecorded(now, actor.name(), open.get().id(), rollback, reason,
                    FactTime.happenedAt(happened, now)));
            return open.get().id();
        }
        String id = Ids.incident(state.counters().incidents() + 1);
        String title = "Rollback of " + deployment.service() + " in " + deployment.environment()
                + (reason == null ? "" : ": " + firstLine(reason));
        events.add(new IncidentOpened(now, actor.name(), id, title, null, List.of(deployment.service()),
                Detection.ROLLBACK, happened, deployment.ref(), rollback, reason));
        return id;
    }

    /** The reason's first line for a title, which is one line: a tab in it becomes a space. */
    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse(text).replace('\t', ' ').strip();
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
