package io.jenkins.plugins.retrogate.engine.event;

import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import java.time.Instant;

/** Someone's role in the incident was recorded. */
public record ContributorRecorded(Instant at, String actor, String incidentId, ContributorRole role, String name)
        implements Event {
}
