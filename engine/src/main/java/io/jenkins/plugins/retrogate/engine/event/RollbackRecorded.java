package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import java.time.Instant;

/**
 * A further rollback was attached to an incident that was still open for its service
 * ({@code happenedAt}: when it was rolled back, if before it was recorded).
 */
public record RollbackRecorded(Instant at, String actor, String incidentId, DeploymentRef rollback, @CheckForNull String reason,
        @CheckForNull Instant happenedAt) implements Event, Backdatable {
}
