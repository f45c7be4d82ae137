package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.policy.GateEvaluator;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import io.jenkins.plugins.retrogate.engine.store.Change;

/**
 * What users do with Retro Gate, as commands over a {@link Store}: each one validates its input
 * against the latest state, records the events it implies, and returns the result. Bad input throws
 * {@link io.jenkins.plugins.retrogate.engine.model.InvalidInputException}, a refused rule
 * {@link io.jenkins.plugins.retrogate.engine.model.RefusedException}; either way nothing is recorded.
 * The Jenkins steps, pages and the CLI are thin callers of this class.
 */
public final class RetroGate {
    private final Store store;
    private final Supplier<GatePolicy> policy;
    private final Clock clock;
    private final ReportSource reports;
    private final List<Consumer<List<Event>>> recorded = new CopyOnWriteArrayList<>();

    public RetroGate(Store store, Supplier<GatePolicy> policy, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reports = new ReportSource(store);
    }

    /**
     * Calls {@code listener} with the events of every command this engine records, after they are
     * recorded, on the caller's thread (notifications listen here, so that every front-end's commands
     * reach them). A listener that throws is logged and never fails the command.
     */
    public void onRecorded(Consumer<List<Event>> listener) {
        recorded.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Records notifications that could not be delivered: they change no decision and show in the report. */
    public void recordNotificationFailures(List<NotificationFailed> failures) {
        execute(state -> Change.of(null, failures));
    }

    /** Runs a command on the store; then hands the events it recorded to the listeners. */
    private <R> R execute(Function<RetroState, Change<R>> command) {
        AtomicReference<List<Event>> events = new AtomicReference<>(List.of());
        R result = store.execute(state -> {
            Change<R> change = command.apply(state);
            events.set(change.events()); // a store may run a command again (another process was first): the last run counts
            return change;
        });
        List<Event> done = events.get();
        if (!done.isEmpty()) {
            for (Consumer<List<Event>> listener : recorded) {
                try {
                    listener.accept(done);
                } catch (RuntimeException e) {
                    Log.LOG.log(System.Logger.Level.WARNING, "a listener of recorded events failed: " + e, e);
                }
            }
        }
        return result;
    }

    /** The latest state, for reading; never waits for a writer. */
    public RetroState state() {
        return store.state();
    }

    /**
     * The event log from the first event on, read page by page as it is iterated (for reports and
     * timelines; the gate never needs it).
     */
    public Iterable<Event> events() {
        return () -> new java.util.Iterator<>() {
            private static final int PAGE = 10_000;
            private java.util.Iterator<RecordedEvent> page = java.util.Collections.emptyIterator();
            private long next = 1;

            @Override
            public boolean hasNext() {
                if (!page.hasNext()) {
                    List<RecordedEvent> events = store.events(next, PAGE);
                    page = events.iterator();
                    next += events.size();
                }
                return page.hasNext();
            }

            @Override
            public Event next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return page.next().event();
            }
        };
    }

    /**
     * The DORA and retrospective report for the {@code days} days up to now ({@code service}:
     * only that one, or {@code null}). The first report folds the event log once; later ones read
     * only the events recorded since, so a report does not cost in proportion to history.
     */
    public io.jenkins.plugins.retrogate.engine.report.Report report(int days, String service) {
        Instant now = clock.instant();
        io.jenkins.plugins.retrogate.engine.report.Report report = reports.report(now, days, service);
        return report.withOverdueRetros(io.jenkins.plugins.retrogate.engine.report.OverdueRetro.of(store.state(), now,
                policy.get().retroDueDays(), service));
    }

    public GatePolicy policy() {
        return policy.get();
    }

    /** The current time of this engine's clock, for building requests. */
    public Instant now() {
        return clock.instant();
    }

    /** Evaluates the gate without recording anything. */
    public GateDecision evaluate(GateRequest request) {
        return GateEvaluator.evaluate(store.state(), policy.get(), request);
    }

    /**
     * Evaluates the gate; a block raises (or finds) the override request for it, and the decision for a
     * build is recorded so that the build's deployment carries it.
     */
    public GateOutcome gate(Actor actor, GateRequest request) {
        GatePolicy current = policy.get();
        return execute(state -> OverrideCommands.gate(state, current, actor, request));
    }

    public Incident openIncident(Actor actor, NewIncident input) {
        Instant now = clock.instant();
        return execute(state -> IncidentCommands.open(state, actor, input, now));
    }

    /**
     * Records the retrospective's answers no other field holds: the failure was not seen before, and/or
     * why no action item is needed ({@code null}: not recorded now).
     */
    public Incident recordRetroAnswers(Actor actor, String incidentId, boolean notSeenBefore, String noActionReason) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> IncidentCommands.retroAnswers(state, current, actor, incidentId, notSeenBefore,
                noActionReason, now));
    }

    public Incident updateIncident(Actor actor, IncidentUpdate input) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> IncidentCommands.update(state, current, actor, input, now));
    }

    public RollbackResult rollback(Actor actor, RollbackRequest input) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> DeploymentCommands.rollback(state, current, actor, input, now));
    }

    public ActionItem addItem(Actor actor, NewActionItem input) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> ItemCommands.add(state, current, actor, input, now));
    }

    public ActionItem resolveItem(Actor actor, String itemId, String fix) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> ItemCommands.resolve(state, current, actor, itemId, fix, Resolution.MANUAL, now));
    }

    /** The item's ticket reached a done state in its tracker. */
    public ActionItem resolveFromTracker(Actor tracker, String itemId, String fix) {
        Instant now = clock.instant();
        GatePolicy current = policy.get();
        return execute(state -> ItemCommands.resolve(state, current, tracker, itemId, fix, Resolution.TRACKER,
                now));
    }

    /** Attaches a ticket ({@code PAY-12}, {@code acme/shop#42}, a URL) to an item that has none. */
    public ActionItem linkTicket(Actor actor, String itemId, String ticket) {
        return linkTicket(actor, itemId, io.jenkins.plugins.retrogate.engine.model.Ticket.parse("ticket", ticket));
    }

    /** Attaches a ticket filed in a tracker (with its URL) to an item that has none. */
    public ActionItem linkTicket(Actor actor, String itemId, io.jenkins.plugins.retrogate.engine.model.Ticket ticket) {
        Instant now = clock.instant();
        return execute(state -> ItemCommands.linkTicket(state, actor, itemId, ticket, now));
    }

    public ActionItem reopenItem(Actor actor, String itemId, String reason) {
        Instant now = clock.instant();
        return execute(state -> ItemCommands.reopen(state, actor, itemId, reason, now));
    }

    public ActionItem dropItem(Actor actor, String itemId, String reason) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> ItemCommands.drop(state, current, actor, itemId, reason, now));
    }

    /**
     * A deployment starts. It carries the gate decision recorded for its build (see {@link #gate}); a
     * production deployment without one that lets it through is recorded as a bypass
     * ({@link Deployment#bypassed()}), never silently.
     */
    public Deployment startDeployment(Actor actor, NewDeployment input) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> DeploymentCommands.start(state, current, actor, input, now));
    }

    /**
     * Asks the gate for {@code input}'s request and, when the decision lets it through, starts the
     * deployment, in one command (see {@link #gate} and {@link #startDeployment}): a step that gates
     * and deploys uses this, so no event recorded between the two can change what was decided.
     */
    public BegunDeployment beginDeployment(Actor actor, NewDeployment input) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> DeploymentCommands.begin(state, current, actor, input, now));
    }

    /**
     * A deployment ends; success in production verifies, a rollback reopens and (in production, or
     * wherever the policy says) opens an incident.
     */
    public DeploymentResult finishDeployment(Actor actor, String deploymentId, Outcome outcome, String reason) {
        return finishDeployment(actor, deploymentId, outcome, reason, null);
    }

    /**
     * A deployment ended at {@code at}, recorded later ({@code null}: it ends now). The instant may not
     * lie before the deployment started nor in the future.
     */
    public DeploymentResult finishDeployment(Actor actor, String deploymentId, Outcome outcome, String reason,
            Instant at) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> DeploymentCommands.finish(state, current, actor, deploymentId, outcome, reason,
                at, now));
    }

    /**
     * A deployment that already ran, recorded in one go (the CLI's {@code deploy}, {@code retroVerify}),
     * with the gate decision recorded for its build or as a bypass, like {@link #startDeployment}.
     */
    public DeploymentResult recordDeployment(Actor actor, NewDeployment input, Outcome outcome, String reason) {
        return recordDeployment(actor, input, outcome, reason, null);
    }

    /**
     * A deployment that ran at {@code at}, recorded in one go later ({@code null}: it ran now); it
     * counts, verifies and opens its incident as of then. It carries the gate decision recorded for its
     * build when it is recorded, or is recorded as a bypass, like {@link #startDeployment}.
     */
    public DeploymentResult recordDeployment(Actor actor, NewDeployment input, Outcome outcome, String reason,
            Instant at) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> DeploymentCommands.record(state, current, actor, input, outcome, reason, at,
                now));
    }

    /**
     * A release manager approves an override for a build or a window. Where the policy requires several
     * distinct approvers, the outcome says whether this approval made the override take effect or how
     * many more are needed.
     */
    public ApprovalOutcome approveOverride(Actor actor, OverrideGrant grant) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> OverrideCommands.approve(state, current, actor, grant, now));
    }

    /**
     * A release manager approves one PENDING request, for its build or (with {@code window}) for its
     * service and environment during {@code duration} ({@code null}: the policy's maximum).
     */
    public ApprovalOutcome approveRequest(Actor actor, String requestId, boolean window, String reason,
            java.time.Duration duration) {
        GatePolicy current = policy.get();
        Instant now = clock.instant();
        return execute(state -> OverrideCommands.approveRequest(state, current, actor, requestId, window, reason,
                duration, now));
    }

    /**
     * How far the approval of a PENDING request has come: who has approved its build (or, with
     * {@code window}, its service and environment) so far, counting as the next approval would, and
     * how many approvers the policy requires. Reads only.
     */
    public ApprovalOutcome approvalProgress(OverrideRequest request, boolean window) {
        GatePolicy current = policy.get();
        RetroState state = state();
        String buildUrl = window ? null : request.buildUrl();
        List<OverrideRequest> answered = OverrideCommands.pendingFor(state, request.service(), request.environment(),
                buildUrl);
        List<String> approvers = ApprovalTally.counted(state, current, request.service(), request.environment(),
                buildUrl, answered, clock.instant()).stream().map(a -> a.approver()).toList();
        return new ApprovalOutcome(null, request.service(), request.environment(), buildUrl, approvers,
                current.requiredApprovals(request.service(), request.environment()),
                answered.stream().map(OverrideRequest::id).toList());
    }

    /** A build ended: its PENDING override requests expire. Returns those it closed. */
    public List<OverrideRequest> closeRequestsOfBuild(Actor actor, String buildUrl) {
        Instant now = clock.instant();
        return execute(state -> OverrideCommands.closeRequestsOfBuild(state, actor, buildUrl, now));
    }

    public OverrideRequest denyOverride(Actor actor, String requestId, String reason) {
        Instant now = clock.instant();
        return execute(state -> OverrideCommands.deny(state, actor, requestId, reason, now));
    }

    /** A request nobody answered in time (the waiting pipeline gave up). */
    public OverrideRequest expireOverrideRequest(Actor actor, String requestId) {
        Instant now = clock.instant();
        return execute(state -> OverrideCommands.expire(state, actor, requestId, now));
    }

    /** Made when first used: finding the platform's logger costs a short command milliseconds. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(RetroGate.class.getName());

        private Log() {
        }
    }
}
