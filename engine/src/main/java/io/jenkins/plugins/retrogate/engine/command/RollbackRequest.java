package io.jenkins.plugins.retrogate.engine.command;

/**
 * A rollback. {@code deploymentId} names the running deployment that was rolled back, when the
 * caller knows it (a {@code retroDeploy} body); otherwise the latest recorded deployment of the
 * service to the environment is, or a rolled-back deployment is recorded from the other fields.
 */
public record RollbackRequest(String service, String environment, String version, String job, Integer build,
        String buildUrl, String reason, String deploymentId) {

    public static RollbackRequest of(String service, String environment, String reason) {
        return new RollbackRequest(service, environment, null, null, null, null, reason, null);
    }
}
