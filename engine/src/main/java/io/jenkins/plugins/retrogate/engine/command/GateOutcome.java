package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;

/** The gate's decision and, when it blocked, the override request a release manager can approve. */
public record GateOutcome(GateDecision decision, OverrideRequest request) {
}
