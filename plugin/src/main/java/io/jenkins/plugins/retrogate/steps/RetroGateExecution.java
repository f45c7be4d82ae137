package io.jenkins.plugins.retrogate.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.command.GateOutcome;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs {@code retroGate} off the CPS thread (recording a decision writes to the store). A blocked
 * step that waits for an override keeps only ids and a deadline, so the wait survives a restart:
 * approvals and denials on the Retro Gate page call {@link #recheck()} on every waiting step,
 * {@link #onResume()} does after a restart, and a timer does at the deadline.
 */
public class RetroGateExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(RetroGateExecution.class.getName());

    private final String service;
    private final String environment;
    private final String mode;
    private final boolean waitForOverride;
    private final int timeoutMinutes;
    /** The override request this step waits for; {@code null} until the gate blocked. */
    private String requestId;
    /** When the wait ends, in epoch milliseconds; 0 until the gate blocked. */
    private long deadline;
    private boolean done;
    /**
     * The build, as the engine's actor, kept from the start: once the step is stopped its context
     * may no longer hand out the run, and the request must still expire in its name.
     */
    private String buildActor;
    private transient volatile Future<?> task;
    /** Whether a gate task is queued or running; wake-ups meanwhile are remembered, not lost. */
    private transient boolean gating;
    private transient boolean wakeRequested;

    RetroGateExecution(StepContext context, RetroGateStep step) {
        super(context);
        this.service = step.getService();
        this.environment = step.getEnvironment();
        this.mode = step.getMode();
        this.waitForOverride = step.isWaitForOverride();
        this.timeoutMinutes = step.getTimeout();
    }

    @Override
    public boolean start() throws Exception {
        buildActor = Actors.build(getContext().get(Run.class)).name();
        regate();
        return false;
    }

    /** Asks the gate; completes the step unless it blocked and the pipeline waits. */
    private void gate() {
        try {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            RetroGate engine = RetroGateStore.get().engine();
            GateRequest request = BuildFacts.request(run, service, environment, mode, engine.now());
            GateOutcome outcome = engine.gate(Actors.build(run), request);
            GateDecision decision = outcome.decision();
            String trackerNotice = DecisionReport.record(run, listener, decision, outcome.request());
            if (decision.allowed()) {
                DecisionReport.markWarning(run, getContext().get(FlowNode.class), decision);
                succeed(DecisionReport.result(decision));
            } else if (!waitForOverride) {
                fail(new AbortException(DecisionReport.blocked(decision, outcome.request(), trackerNotice)));
            } else {
                listener.getLogger().println("[Retro Gate] " + decision.message());
                if (trackerNotice != null) {
                    listener.getLogger().println("[Retro Gate] " + trackerNotice);
                }
                waitFor(outcome.request(), listener);
            }
        } catch (RetroGateStore.StoreUnavailableException e) {
            if (!e.isShuttingDown()) { // shutting down: the step resumes after the restart
                fail(new AbortException(e.getMessage()));
            }
        } catch (RetroGateException e) {
            fail(new AbortException(e.getMessage()));
        } catch (Exception e) {
            fail(e);
        } finally {
            boolean again;
            synchronized (this) {
                gating = false;
                again = wakeRequested;
                wakeRequested = false;
            }
            if (again) {
                recheck();
            }
        }
    }

    private void waitFor(OverrideRequest request, TaskListener listener) {
        long remaining;
        long until;
        synchronized (this) {
            if (done) { // stopped while the gate was asked: nobody waits for this request
                Timer.get().submit(() -> expireQuietly(request.id()));
                return;
            }
            requestId = request.id();
            if (deadline == 0) {
                deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(timeoutMinutes);
            }
            until = deadline;
            remaining = until - System.currentTimeMillis();
        }
        getContext().saveState();
        listener.getLogger().println("[Retro Gate] Waiting until " + Instant.ofEpochMilli(until)
                + " for a release manager to approve " + DecisionReport.link(request));
        scheduleDeadline(remaining);
    }

    private void scheduleDeadline(long remaining) {
        Timer.get().schedule(this::recheck, Math.max(0, remaining) + 1000, TimeUnit.MILLISECONDS);
    }

    /** Every waiting {@code retroGate} looks at its override request again (after an approval or denial). */
    public static void wakeAll() {
        // recheck() writes the store and saves the build: never on the CPS VM thread acceptAll uses
        StepExecution.acceptAll(RetroGateExecution.class, execution -> Timer.get().submit(execution::recheck));
    }

    /**
     * Looks at the override request again: approved, the gate is asked again; denied or expired,
     * the step fails; still pending after the deadline, the request expires and the step fails.
     */
    public void recheck() {
        String waitingFor;
        synchronized (this) {
            if (done) {
                return;
            }
            waitingFor = requestId;
        }
        if (waitingFor == null) { // resumed before the gate answered
            regate();
            return;
        }
        try {
            RetroGate engine = RetroGateStore.get().engine();
            OverrideRequest request = engine.state().request(waitingFor).orElse(null);
            if (request == null) {
                fail(new AbortException("Override request " + waitingFor + " no longer exists"));
                return;
            }
            if (request.status() != RequestStatus.PENDING) {
                updateRecord(request);
            }
            switch (request.status()) {
                case APPROVED -> regate();
                case DENIED -> fail(new AbortException("Override request " + request.id() + " was denied by "
                        + request.decidedBy() + ": " + request.reason()));
                case EXPIRED -> fail(new AbortException("Override request " + request.id()
                        + " expired without an approval"));
                case PENDING -> expireIfLate(engine, request);
                default -> throw new IllegalStateException(request.status().name());
            }
        } catch (RetroGateStore.StoreUnavailableException e) {
            if (!e.isShuttingDown()) { // shutting down: the step resumes after the restart
                fail(new AbortException(e.getMessage()));
            }
        } catch (RetroGateException e) {
            fail(new AbortException(e.getMessage()));
        } catch (Exception e) {
            fail(e);
        }
    }

    /** Asks the gate (again); while it is being asked, a wake-up is kept for when it has answered. */
    private synchronized void regate() {
        if (done) {
            return;
        }
        if (gating) {
            wakeRequested = true;
            return;
        }
        gating = true;
        task = Timer.get().submit(this::gate);
    }

    private void expireIfLate(RetroGate engine, OverrideRequest request) throws Exception {
        long until;
        synchronized (this) {
            until = deadline;
        }
        if (System.currentTimeMillis() < until) {
            return;
        }
        OverrideRequest expired;
        try {
            expired = engine.expireOverrideRequest(actor(), request.id());
        } catch (RefusedException e) { // answered meanwhile: act on the answer
            recheck();
            return;
        }
        updateRecord(expired);
        fail(new AbortException("No override approved within " + timeoutMinutes + " minutes; request "
                + request.id() + " expired"));
    }

    private void updateRecord(OverrideRequest request) throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        RetroGateBuildAction.update(run, action -> {
            var gate = action.gateOfRequest(request.id());
            if (gate != null) {
                gate.request(request);
            }
        });
    }

    @Override
    public void onResume() {
        String waitingFor;
        long remaining;
        synchronized (this) {
            waitingFor = requestId;
            remaining = deadline - System.currentTimeMillis();
        }
        Timer.get().submit(this::recheck);
        if (waitingFor != null) {
            scheduleDeadline(remaining);
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        String waitingFor;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            waitingFor = requestId;
        }
        Future<?> running = task;
        if (running != null) {
            running.cancel(false); // never interrupt a store write: it would close the journal's channel
        }
        if (waitingFor != null) {
            Timer.get().submit(() -> expireQuietly(waitingFor));
        }
        getContext().onFailure(cause);
    }

    private void expireQuietly(String id) {
        try {
            RetroGate engine = RetroGateStore.get().engine();
            if (engine.state().request(id).map(r -> r.status() == RequestStatus.PENDING).orElse(false)) {
                engine.expireOverrideRequest(actor(), id);
            }
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "Could not expire override request " + id + " of a stopped build", e);
        }
    }

    /** The build as the engine's actor (executions saved before this field existed ask the context). */
    private io.jenkins.plugins.retrogate.engine.model.Actor actor() throws Exception {
        String name = buildActor;
        return name != null ? Actors.of(name, false, false) : Actors.build(getContext().get(Run.class));
    }

    @Override
    public String getStatus() {
        String waitingFor;
        synchronized (this) {
            waitingFor = requestId;
        }
        return waitingFor == null ? "asking the gate" : "waiting for override request " + waitingFor;
    }

    private void succeed(Object result) {
        if (finish()) {
            getContext().onSuccess(result);
        }
    }

    private void fail(Throwable cause) {
        if (finish()) {
            getContext().onFailure(cause);
        }
    }

    private synchronized boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        return true;
    }
}
