package io.jenkins.plugins.retrogate.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.retrogate.engine.command.DeploymentResult;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.ui.DeploymentRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code retroVerify(service:, environment:)}: records that this build deployed successfully, for
 * pipelines that deploy without {@code retroDeploy}. In production that resolves the items the change
 * set names and verifies the resolved items it proves. Returns {@code [deployment:, resolved:, verified:]}.
 */
public class RetroVerifyStep extends ServiceStep {
    private String version;

    @DataBoundConstructor
    public RetroVerifyStep(String service, String environment) {
        super(service, environment);
    }

    public String getVersion() {
        return version;
    }

    @DataBoundSetter
    public void setVersion(String version) {
        this.version = version == null || version.isBlank() ? null : version.strip();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RecordingExecution(context, getDescriptor().getFunctionName(), this::verify);
    }

    private Map<String, Object> verify(StepContext context) throws Exception {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        DeploymentResult result = EngineCall.run(engine -> {
            GateRequest request = BuildFacts.request(run, getService(), getEnvironment(), null, engine.now());
            // the engine finds the gate decision recorded for this build (or records a bypass)
            return engine.recordDeployment(Actors.build(run), BuildFacts.deployment(run, request, version),
                    Outcome.SUCCEEDED, null);
        });
        RetroGateBuildAction.update(run, action -> {
            DeploymentRecord record = new DeploymentRecord(result.deployment());
            record.finished(result);
            action.add(record);
        });
        listener.getLogger().println("[Retro Gate] Deployment " + result.deployment().id() + " of "
                + result.deployment().service() + " to " + result.deployment().environment() + " recorded"
                + (result.resolved().isEmpty() ? "" : "; resolved " + String.join(", ", result.resolved()))
                + (result.verified().isEmpty() ? "; no item to verify" : "; verified "
                        + String.join(", ", result.verified())));
        if (result.deployment().bypassed()) {
            listener.getLogger().println("[Retro Gate] BYPASS: deployment " + result.deployment().id()
                    + " bypassed the gate: " + result.deployment().bypass());
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("deployment", result.deployment().id());
        value.put("resolved", new java.util.ArrayList<>(result.resolved()));
        value.put("verified", new java.util.ArrayList<>(result.verified()));
        return value;
    }

    @Extension
    public static class DescriptorImpl extends ServiceStepDescriptor {
        @Override
        public String getFunctionName() {
            return "retroVerify";
        }

        @Override
        public String getDisplayName() {
            return "Retro Gate: record a successful deployment (verifies fixed items)";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
