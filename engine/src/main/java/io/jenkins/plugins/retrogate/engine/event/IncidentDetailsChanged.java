package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.time.Instant;

/** The retrospective's answers were edited; the event carries the new values of every field. */
public record IncidentDetailsChanged(Instant at, String actor, String incidentId, String title, @CheckForNull Severity severity,
        @CheckForNull Instant responseStartedAt, @CheckForNull String rootCause) implements Event {
}
