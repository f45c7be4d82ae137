package io.jenkins.plugins.retrogate.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.command.RollbackResult;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import io.jenkins.plugins.retrogate.jenkins.Links;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.ui.DeploymentRecord;
import io.jenkins.plugins.retrogate.ui.IncidentRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code retroRollback(service:, environment:, reason:)}: records a rollback; in production (or
 * wherever the policy says) it opens an incident (or adds to the service's open one) and returns its
 * id, elsewhere it returns {@code null} and the log says why. Inside a {@code retroDeploy} body it
 * rolls back that deployment.
 */
public class RetroRollbackStep extends ServiceStep {
    private String reason;
    private String version;

    @DataBoundConstructor
    public RetroRollbackStep(String service, String environment) {
        super(service, environment);
    }

    public String getReason() {
        return reason;
    }

    @DataBoundSetter
    public void setReason(String reason) {
        this.reason = reason == null || reason.isBlank() ? null : reason;
    }

    public String getVersion() {
        return version;
    }

    /** The version rolled back to, when known. */
    @DataBoundSetter
    public void setVersion(String version) {
        this.version = version == null || version.isBlank() ? null : version.strip();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RecordingExecution(context, getDescriptor().getFunctionName(), this::rollback);
    }

    private String rollback(StepContext context) throws Exception {
        Run<?, ?> run = context.get(Run.class);
        TaskListener listener = context.get(TaskListener.class);
        RunningDeployment running = context.get(RunningDeployment.class);
        RollbackResult result = EngineCall.run(engine -> engine.rollback(Actors.build(run),
                new RollbackRequest(getService(), getEnvironment(), version, run.getParent().getFullName(), run.getNumber(),
                        run.getUrl(), reason, deploymentOf(run, running), null)));
        RetroGateBuildAction.update(run, action -> {
            if (result.incident() != null) {
                action.add(new IncidentRecord(result));
            }
            DeploymentRecord deployment = action.deployment(result.deploymentId());
            if (deployment != null) {
                deployment.rolledBack(result.reopened());
            }
        });
        if (result.incident() == null) {
            listener.getLogger().println("[Retro Gate] Rollback of " + result.deploymentId() + " recorded; "
                    + result.noIncident());
        } else {
            listener.getLogger().println("[Retro Gate] Rollback recorded: " + (result.opened() ? "opened" : "added to")
                    + " incident " + result.incident().id() + " '" + result.incident().title() + "' at "
                    + new JenkinsFacade().getAbsoluteUrl(Links.incident(result.incident().id())));
        }
        if (!result.reopened().isEmpty()) {
            listener.getLogger().println("[Retro Gate] Reopened (their fix was rolled back): "
                    + String.join(", ", result.reopened()));
        }
        result.similar().forEach(similar -> listener.getLogger().println("[Retro Gate] Seen before? "
                + IncidentRecord.describe(similar)));
        return result.incident() == null ? null : result.incident().id();
    }

    /** The deployment rolled back: the enclosing retroDeploy's, else this build's latest to the target. */
    private String deploymentOf(Run<?, ?> run, RunningDeployment running) {
        String targetService = Names.service("service", getService());
        String targetEnvironment = Names.environment("environment", getEnvironment());
        if (running != null && running.getService().equals(targetService)
                && running.getEnvironment().equals(targetEnvironment)) {
            return running.getDeploymentId();
        }
        RetroGateBuildAction action = RetroGateBuildAction.of(run);
        DeploymentRecord last = action == null ? null : action.lastDeployment(targetService, targetEnvironment);
        return last == null ? null : last.getDeploymentId();
    }

    @Extension
    public static class DescriptorImpl extends ServiceStepDescriptor {
        @Override
        public String getFunctionName() {
            return "retroRollback";
        }

        @Override
        public String getDisplayName() {
            return "Retro Gate: record a production rollback";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }
    }
}
