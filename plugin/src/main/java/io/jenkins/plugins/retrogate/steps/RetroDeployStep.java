package io.jenkins.plugins.retrogate.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.ListBoxModel;
import java.util.Set;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code retroDeploy(service:, environment:, version:) { ... }}: gates, runs the body as the
 * deployment, and records how it ended; a successful production deployment verifies the items it proves.
 */
public class RetroDeployStep extends ServiceStep {
    private String version;
    private String mode;

    @DataBoundConstructor
    public RetroDeployStep(String service, String environment) {
        super(service, environment);
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = version == null || version.isBlank() ? null : version.strip();
    }

    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = mode == null || mode.isBlank() ? null : mode.strip();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RetroDeployExecution(context, this);
    }

    @Extension
    public static class DescriptorImpl extends ServiceStepDescriptor {
        @Override
        public String getFunctionName() {
            return "retroDeploy";
        }

        @Override
        public String getDisplayName() {
            return "Retro Gate: gated and recorded deployment";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        @Override
        public Set<? extends Class<?>> getProvidedContext() {
            return Set.of(RunningDeployment.class);
        }

        @POST
        public ListBoxModel doFillModeItems(@AncestorInPath Item item) {
            return StepForms.fill(jenkins(), item, StepForms::modes);
        }
    }
}
