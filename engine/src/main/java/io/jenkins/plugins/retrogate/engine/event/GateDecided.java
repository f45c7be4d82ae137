package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import java.time.Instant;

/**
 * The gate decided on a deployment of a build ({@code actor} asked; the gate command, not an
 * evaluation for display). Recorded when the decision for that build changes, so a deployment of
 * the build can carry the decision that let it through.
 *
 * @param decision   {@code ALLOW}, {@code WARN}, {@code BLOCK} or {@code OVERRIDDEN}
 * @param overrideId the override that let an OVERRIDDEN decision through
 * @param requestId  the override request a BLOCK raised or found
 */
public record GateDecided(Instant at, String actor, String service, String environment, String buildUrl,
        @CheckForNull String requestedBy, Decision decision, @CheckForNull String overrideId,
        @CheckForNull String requestId) implements Event {
}
