package io.jenkins.plugins.retrogate.engine.event;

import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.time.Instant;

/** The retrospective's answers were edited; the event carries the new values of every field. */
public record IncidentDetailsChanged(Instant at, String actor, String incidentId, String title, Severity severity,
        Instant responseStartedAt, String rootCause) implements Event {
}
