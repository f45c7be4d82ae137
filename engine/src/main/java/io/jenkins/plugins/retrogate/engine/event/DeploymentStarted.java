package io.jenkins.plugins.retrogate.engine.event;

import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import java.time.Instant;
import java.util.List;

/**
 * A deployment started, with the gate's decision ({@code null} when recorded without the gate);
 * {@code happenedAt}: when, if before it was recorded (a deployment recorded after it ran).
 */
public record DeploymentStarted(Instant at, String actor, String deploymentId, DeploymentRef ref,
        boolean production, List<String> changeTickets, String decision, Instant happenedAt)
        implements Event, Backdatable {
    public DeploymentStarted {
        changeTickets = List.copyOf(changeTickets == null ? List.of() : changeTickets);
    }
}
