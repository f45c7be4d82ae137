package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import java.time.Instant;

/** A deployment ended ({@code happenedAt}: when, if before it was recorded). */
public record DeploymentFinished(Instant at, String actor, String deploymentId, Outcome outcome, @CheckForNull Instant happenedAt)
        implements Event, Backdatable {
}
