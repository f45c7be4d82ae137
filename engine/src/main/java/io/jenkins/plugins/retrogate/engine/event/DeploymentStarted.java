package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
import java.time.Instant;
import java.util.List;

/**
 * A deployment started, with the gate decision recorded for its build and how it went past the gate.
 * {@code decision} is {@code null} when its build has none. Events written before the gate was tracked
 * carry no {@code gate} (nor {@code overrideId}, {@code bypass}).
 *
 * @param gate       PASSED, BYPASSED or UNGATED; {@code null} in events written before the gate was tracked
 * @param overrideId the override that let it through (decision OVERRIDDEN)
 * @param bypass     why it bypassed the gate (gate BYPASSED)
 * @param happenedAt when, if before it was recorded (a deployment recorded after it ran)
 */
public record DeploymentStarted(Instant at, String actor, String deploymentId, DeploymentRef ref,
        boolean production, List<String> changeTickets, @CheckForNull Decision decision, @CheckForNull GatePassage gate,
        @CheckForNull String overrideId, @CheckForNull String bypass, @CheckForNull Instant happenedAt) implements Event, Backdatable {
    public DeploymentStarted {
        changeTickets = List.copyOf(changeTickets == null ? List.of() : changeTickets);
    }

    /** A deployment as event format 1 recorded it: without what the gate said of it, recorded as it started. */
    public DeploymentStarted(Instant at, String actor, String deploymentId, DeploymentRef ref, boolean production,
            List<String> changeTickets, @CheckForNull Decision decision) {
        this(at, actor, deploymentId, ref, production, changeTickets, decision, null, null, null, null);
    }
}
