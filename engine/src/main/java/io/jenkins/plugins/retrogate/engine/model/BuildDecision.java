package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Objects;

/**
 * The gate's last recorded decision for one build of a service to an environment: what a deployment
 * of that build carries when it starts.
 *
 * @param decision    {@code ALLOW}, {@code WARN}, {@code BLOCK} or {@code OVERRIDDEN}
 * @param requestedBy who asked for the deployment (four eyes binds an override's approver to them)
 * @param overrideId  the override that let an OVERRIDDEN decision through
 * @param requestId   the override request a BLOCK raised or found
 */
public record BuildDecision(String service, String environment, String buildUrl, Decision decision,
        @CheckForNull String requestedBy, Instant at, @CheckForNull String overrideId, @CheckForNull String requestId) {

    public BuildDecision {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(buildUrl, "buildUrl");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(at, "at");
    }

    /** Whether this decision let the build through by itself (anything but BLOCK). */
    public boolean letThrough() {
        return decision.allowed();
    }
}
