package io.jenkins.plugins.retrogate.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The descriptor of a step that names a service and an environment: the snippet generator's
 * checks of both (the engine's own name rule, for whoever may configure the job: see
 * {@link StepForms#mayConfigure}) and the flow graph's {@code service → environment} label.
 */
public abstract class ServiceStepDescriptor extends StepDescriptor {
    private final transient JenkinsFacade jenkins;

    protected ServiceStepDescriptor() {
        this(new JenkinsFacade());
    }

    ServiceStepDescriptor(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    /** What this descriptor asks of Jenkins. */
    JenkinsFacade jenkins() {
        return jenkins;
    }

    @Override
    public String argumentsToString(Map<String, Object> namedArgs) {
        return StepForms.target(namedArgs);
    }

    @POST
    public FormValidation doCheckService(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.check(jenkins, item, () -> StepForms.checkName("service", value));
    }

    @POST
    public FormValidation doCheckEnvironment(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.check(jenkins, item, () -> StepForms.checkName("environment", value));
    }
}
