package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import java.time.Instant;

/**
 * An incident moved forward (mitigated, resolved, reviewed); {@code happenedAt}: when, if before it
 * was recorded.
 */
public record IncidentStatusChanged(Instant at, String actor, String incidentId, IncidentStatus status,
        @CheckForNull Instant happenedAt) implements Event, Backdatable {
}
