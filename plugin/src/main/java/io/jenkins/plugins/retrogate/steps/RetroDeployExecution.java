package io.jenkins.plugins.retrogate.steps;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.command.BegunDeployment;
import io.jenkins.plugins.retrogate.engine.command.DeploymentResult;
import io.jenkins.plugins.retrogate.engine.command.GateOutcome;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.ui.DeploymentRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Gate, start the deployment, run the body, finish the deployment with the body's outcome. Store
 * writes happen on a timer thread, never on the CPS thread. A block fails before the body runs.
 */
public class RetroDeployExecution extends StepExecution {
    private static final Logger LOGGER = Logger.getLogger(RetroDeployExecution.class.getName());
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String environment;
    private final String version;
    private final String mode;
    private String deploymentId;
    private BodyExecution body;
    /** Set by {@link #stop}: from then on neither the deployment nor the body may start. */
    private boolean stopped;
    private transient volatile Future<?> task;

    RetroDeployExecution(StepContext context, RetroDeployStep step) {
        super(context);
        this.service = step.getService();
        this.environment = step.getEnvironment();
        this.version = step.getVersion();
        this.mode = step.getMode();
    }

    @Override
    public boolean start() {
        task = Timer.get().submit(this::begin);
        return false;
    }

    private void begin() {
        Run<?, ?> run = null;
        RetroGate engine = null;
        BegunDeployment begun = null;
        try {
            run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            engine = RetroGateStore.get().engine();
            GateRequest request = BuildFacts.request(run, service, environment, mode, engine.now());
            synchronized (this) { // a stop either comes first (nothing is decided or deployed) or is seen below
                if (stopped) {
                    return;
                }
                // one command: the gate's decision is recorded and, if it lets the build through, the
                // deployment started carrying it; nothing recorded in between can change the decision
                begun = engine.beginDeployment(Actors.build(run), BuildFacts.deployment(run, request, version));
                if (begun.started()) {
                    deploymentId = begun.deployment().id();
                }
            }
            GateOutcome outcome = begun.gate();
            GateDecision decision = outcome.decision();
            String trackerNotice = DecisionReport.record(run, listener, decision, outcome.request());
            if (!begun.started()) {
                getContext().onFailure(new AbortException(DecisionReport.blocked(decision, outcome.request(),
                        trackerNotice)));
                return;
            }
            DecisionReport.markWarning(run, getContext().get(FlowNode.class), decision);
            Deployment deployment = begun.deployment();
            RetroGateBuildAction.update(run, action -> action.add(new DeploymentRecord(deployment)));
            synchronized (this) {
                if (stopped) { // stop() failed the step meanwhile: the deployment never ran, and is not left running
                    endUnrun(engine, run, begun, "the build was stopped before the deployment's body ran");
                    return;
                }
                body = getContext().newBodyInvoker()
                        .withContext(new RunningDeployment(deployment.id(), deployment.service(),
                                deployment.environment()))
                        .withCallback(new Finish(deployment.id()))
                        .start();
            }
            listener.getLogger().println("[Retro Gate] Deployment " + deployment.id() + " of " + deployment.service()
                    + " to " + deployment.environment() + " started");
            getContext().saveState();
        } catch (RetroGateException | RetroGateStore.StoreUnavailableException e) {
            endUnrun(engine, run, begun, "the step failed before the deployment's body ran: " + e.getMessage());
            getContext().onFailure(new AbortException(e.getMessage()));
        } catch (Exception e) {
            endUnrun(engine, run, begun, "the step failed before the deployment's body ran: " + e);
            getContext().onFailure(e);
        }
    }

    /**
     * A deployment that was started but whose body never ran ends FAILED, so that it is never left
     * running in the store (nothing else would end it: no body, no callback).
     */
    private synchronized void endUnrun(RetroGate engine, Run<?, ?> run, BegunDeployment begun, String why) {
        if (begun == null || !begun.started() || body != null) {
            return;
        }
        try {
            engine.finishDeployment(Actors.build(run), begun.deployment().id(), Outcome.FAILED, why);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Retro Gate could not end deployment " + begun.deployment().id()
                    + ", which never ran: " + why, e);
        }
    }

    @Override
    public synchronized void onResume() {
        if (deploymentId == null && body == null && !stopped) { // restarted before the body began: gate again
            task = Timer.get().submit(this::begin);
        } else if (body != null && body.isDone()) {
            // restarted after the body ended but before its callback finished the deployment (the callback
            // hands its work to a timer thread, which the restart cut short): finish it now, from the
            // body's outcome kept with the program; a deployment already recorded as ended is left as is
            Finish finish = new Finish(deploymentId);
            BodyExecution ended = body;
            try {
                Object result = ended.get();
                finish.onSuccess(getContext(), result);
            } catch (java.util.concurrent.ExecutionException e) {
                finish.onFailure(getContext(), e.getCause() == null ? e : e.getCause());
            } catch (java.util.concurrent.CancellationException e) {
                finish.onFailure(getContext(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finish.onFailure(getContext(), e);
            }
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        BodyExecution running;
        synchronized (this) {
            stopped = true;
            running = body;
        }
        Future<?> gate = task;
        if (gate != null) {
            gate.cancel(false); // never interrupt a store write: it would close the journal's channel
        }
        if (running != null) {
            running.cancel(cause);
        } else {
            getContext().onFailure(cause);
        }
    }

    @Override
    public synchronized String getStatus() {
        return deploymentId == null ? "asking the gate" : "deploying (" + deploymentId + ")";
    }

    /** Records the body's outcome as the deployment's, then passes the outcome on. */
    static final class Finish extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;
        private final String deploymentId;

        Finish(String deploymentId) {
            this.deploymentId = deploymentId;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            Timer.get().submit(() -> {
                try {
                    finish(context, Outcome.SUCCEEDED);
                    context.onSuccess(result);
                } catch (RetroGateException | RetroGateStore.StoreUnavailableException e) {
                    context.onFailure(new AbortException("The deployment succeeded but Retro Gate could not record it: "
                            + e.getMessage()));
                } catch (Exception e) {
                    context.onFailure(e);
                }
            });
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            Timer.get().submit(() -> {
                try {
                    finish(context, Outcome.FAILED);
                } catch (Exception e) {
                    t.addSuppressed(e);
                }
                context.onFailure(t);
            });
        }

        private void finish(StepContext context, Outcome outcome) throws Exception {
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            RetroGate engine = RetroGateStore.get().engine();
            Deployment deployment = engine.state().deployment(deploymentId).orElse(null);
            if (deployment != null && deployment.outcome() != null) {
                listener.getLogger().println("[Retro Gate] Deployment " + deploymentId + " already ended "
                        + deployment.outcome());
                return; // a retroRollback in the body ended it
            }
            DeploymentResult result = engine.finishDeployment(Actors.build(run), deploymentId, outcome, null);
            RetroGateBuildAction.update(run, action -> {
                DeploymentRecord record = action.deployment(deploymentId);
                if (record != null) {
                    record.finished(result);
                }
            });
            listener.getLogger().println("[Retro Gate] Deployment " + deploymentId + " " + outcome
                    + (result.resolved().isEmpty() ? "" : "; resolved " + String.join(", ", result.resolved()))
                    + (result.verified().isEmpty() ? "" : "; verified " + String.join(", ", result.verified())));
        }
    }
}
