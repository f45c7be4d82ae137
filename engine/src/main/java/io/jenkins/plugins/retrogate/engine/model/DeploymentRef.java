package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/**
 * Points at a deployment run: the CI job and build, where to look at it, and what it deployed.
 * Every field but service and environment is optional. The job, service and environment names are
 * {@linkplain Names#shared shared instances}: a store holds hundreds of thousands of refs to a few
 * thousand jobs.
 */
public record DeploymentRef(@CheckForNull String deploymentId, @CheckForNull String job, @CheckForNull Integer build, @CheckForNull String url, String service,
        String environment, @CheckForNull String version) {

    public DeploymentRef {
        job = Names.shared(job);
        service = Names.shared(service);
        environment = Names.shared(environment);
    }

    /** This ref with {@code id} as its deployment id: the same instance as the deployment's own id. */
    public DeploymentRef withDeploymentId(String id) {
        return new DeploymentRef(id, job, build, url, service, environment, version);
    }
}
