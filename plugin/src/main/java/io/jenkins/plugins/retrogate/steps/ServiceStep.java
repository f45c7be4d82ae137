package io.jenkins.plugins.retrogate.steps;

import org.jenkinsci.plugins.workflow.steps.Step;

/**
 * A step about one service in one environment: {@code service:} and {@code environment:}, both
 * mandatory, taken by each subclass's {@code @DataBoundConstructor}. The names are checked by the
 * engine when the step runs, and in the snippet generator by {@link ServiceStepDescriptor}.
 */
public abstract class ServiceStep extends Step {
    private final String service;
    private final String environment;

    protected ServiceStep(String service, String environment) {
        this.service = service;
        this.environment = environment;
    }

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
    }
}
