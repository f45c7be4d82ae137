package io.jenkins.plugins.retrogate.engine.command;

import java.time.Instant;

/**
 * A rollback. {@code deploymentId} names the running deployment that was rolled back, when the
 * caller knows it (a {@code retroDeploy} body); otherwise the latest recorded deployment of the
 * service to the environment is, or a rolled-back deployment is recorded from the other fields.
 * {@code at} is when it was rolled back, when that is recorded later ({@code null}: now); an
 * incident it opens was detected then.
 */
public record RollbackRequest(String service, String environment, String version, String job, Integer build,
        String buildUrl, String reason, String deploymentId, Instant at) {

    public static RollbackRequest of(String service, String environment, String reason) {
        return new RollbackRequest(service, environment, null, null, null, null, reason, null, null);
    }

    /** The same rollback, which happened at {@code instant} (before it is recorded). */
    public RollbackRequest withAt(Instant instant) {
        return new RollbackRequest(service, environment, version, job, build, buildUrl, reason, deploymentId, instant);
    }
}
