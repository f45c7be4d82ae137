package io.jenkins.plugins.retrogate.steps;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.AbortException;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import java.util.concurrent.Future;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.StepExecutions;

/**
 * Runs a short recording step off the CPS thread, like {@code SynchronousNonBlockingStepExecution},
 * but never interrupts it when the build is aborted: an interrupted thread inside the journal's write
 * would close its file channel for every build. A step cut off by a restart fails instead of
 * recording twice.
 */
final class RecordingExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    /** Not restored on purpose: after a restart {@link #onResume} fails the step, never runs the work again. */
    @SuppressFBWarnings(value = "SE_TRANSIENT_FIELD_NOT_RESTORED",
            justification = "a resumed execution fails instead of recording twice; the work is never run again")
    private final transient StepExecutions.SynchronousBody work;
    private final String what;
    private transient volatile Future<?> task;
    private transient boolean done;

    RecordingExecution(StepContext context, String what, StepExecutions.SynchronousBody work) {
        super(context);
        this.what = what;
        this.work = work;
    }

    @Override
    public boolean start() {
        task = Timer.get().submit(() -> {
            try {
                Object result = work.call(getContext());
                if (finish()) {
                    getContext().onSuccess(result);
                }
            } catch (RetroGateException | RetroGateStore.StoreUnavailableException e) {
                failWith(new AbortException(e.getMessage()));
            } catch (Throwable t) {
                failWith(t);
            }
        });
        return false;
    }

    @Override
    public void stop(Throwable cause) {
        Future<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
        failWith(cause);
    }

    @Override
    public void onResume() {
        failWith(new AbortException("Jenkins restarted while " + what
                + " was recording; the Retro Gate page shows whether it was recorded"));
    }

    @Override
    public String getStatus() {
        return "recording " + what;
    }

    private void failWith(Throwable cause) {
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
