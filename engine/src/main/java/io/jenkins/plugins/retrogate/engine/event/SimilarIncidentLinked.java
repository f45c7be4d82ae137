package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/** An earlier incident was linked as "seen before". */
public record SimilarIncidentLinked(Instant at, String actor, String incidentId, String similarIncidentId)
        implements Event {
}
