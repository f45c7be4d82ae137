package io.jenkins.plugins.retrogate.steps;

import java.io.Serializable;

/**
 * The deployment a {@code retroDeploy} body runs in, handed to steps inside the body: a
 * {@code retroRollback} there rolls back this very deployment.
 */
public final class RunningDeployment implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String deploymentId;
    private final String service;
    private final String environment;

    RunningDeployment(String deploymentId, String service, String environment) {
        this.deploymentId = deploymentId;
        this.service = service;
        this.environment = environment;
    }

    public String getDeploymentId() {
        return deploymentId;
    }

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
    }
}
