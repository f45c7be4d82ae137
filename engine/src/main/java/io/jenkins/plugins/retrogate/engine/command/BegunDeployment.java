package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.Deployment;

/**
 * What {@link RetroGate#beginDeployment} did: the gate's outcome and, when the decision let the
 * deployment through, the deployment it started ({@code null} otherwise: nothing was started).
 */
public record BegunDeployment(GateOutcome gate, Deployment deployment) {
    /** Whether the deployment started. */
    public boolean started() {
        return deployment != null;
    }
}
