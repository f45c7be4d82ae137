package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import java.time.Instant;

/** Something was done to stop the failure ({@code happenedAt}: when, if before it was recorded). */
public record MitigationRecorded(Instant at, String actor, String incidentId, MitigationKind kind,
        String description, @CheckForNull Instant happenedAt) implements Event, Backdatable {
}
