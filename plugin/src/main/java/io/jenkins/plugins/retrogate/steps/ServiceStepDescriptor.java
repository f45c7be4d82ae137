package io.jenkins.plugins.retrogate.steps;

import hudson.util.FormValidation;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.QueryParameter;

/**
 * The descriptor of a step that names a service and an environment: the snippet generator's
 * checks of both (the engine's own name rule) and the flow graph's {@code service → environment} label.
 */
public abstract class ServiceStepDescriptor extends StepDescriptor {

    @Override
    public String argumentsToString(Map<String, Object> namedArgs) {
        return StepForms.target(namedArgs);
    }

    public FormValidation doCheckService(@QueryParameter String value) {
        return StepForms.checkName("service", value);
    }

    public FormValidation doCheckEnvironment(@QueryParameter String value) {
        return StepForms.checkName("environment", value);
    }
}
