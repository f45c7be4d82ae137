package io.jenkins.plugins.retrogate.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code retroGate(service:, environment:, mode:, waitForOverride:, timeout:)}: asks the gate
 * whether this build may deploy. Returns the decision; a block fails the step, or with
 * {@code waitForOverride} waits (across restarts) until a release manager answers or the timeout passes.
 */
public class RetroGateStep extends ServiceStep {
    /** Minutes a blocked step waits for an override unless told otherwise. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;
    static final int MAX_TIMEOUT_MINUTES = 7 * 24 * 60;

    private String mode;
    private boolean waitForOverride;
    private int timeout = DEFAULT_TIMEOUT_MINUTES;

    @DataBoundConstructor
    public RetroGateStep(String service, String environment) {
        super(service, environment);
    }

    public String getMode() {
        return mode;
    }

    /** {@code block}, {@code warn} or {@code off}; empty for the policy's mode. */
    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = mode == null || mode.isBlank() ? null : mode.strip();
    }

    public boolean isWaitForOverride() {
        return waitForOverride;
    }

    @DataBoundSetter
    public void setWaitForOverride(boolean waitForOverride) {
        this.waitForOverride = waitForOverride;
    }

    public int getTimeout() {
        return timeout;
    }

    /**
     * Minutes to wait for an override, 1 to 10080 (a week). Checked when the step starts, so that a
     * bad value fails the step with one line naming it rather than a stack trace from the binding.
     */
    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = timeout;
    }

    @Override
    public StepExecution start(StepContext context) throws AbortException {
        if (timeout < 1 || timeout > MAX_TIMEOUT_MINUTES) {
            throw new AbortException("retroGate: timeout '" + timeout + "' must be between 1 and "
                    + MAX_TIMEOUT_MINUTES + " minutes");
        }
        return new RetroGateExecution(context, this);
    }

    @Extension
    public static class DescriptorImpl extends ServiceStepDescriptor {
        public DescriptorImpl() {
        }

        DescriptorImpl(JenkinsFacade jenkins) {
            super(jenkins);
        }

        @Override
        public String getFunctionName() {
            return "retroGate";
        }

        @Override
        public String getDisplayName() {
            return "Retro Gate: may this build deploy?";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        @POST
        public ListBoxModel doFillModeItems(@AncestorInPath Item item) {
            return StepForms.fill(jenkins(), item, StepForms::modes);
        }
    }
}
