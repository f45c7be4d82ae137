package io.jenkins.plugins.retrogate.engine.model;

/**
 * Points at a deployment run: the CI job and build, where to look at it, and what it deployed.
 * Every field but service and environment is optional.
 */
public record DeploymentRef(String deploymentId, String job, Integer build, String url, String service,
        String environment, String version) {
}
