package io.jenkins.plugins.retrogate.engine.event;

import io.jenkins.plugins.retrogate.engine.model.Outcome;
import java.time.Instant;

/** A deployment ended. */
public record DeploymentFinished(Instant at, String actor, String deploymentId, Outcome outcome) implements Event {
}
