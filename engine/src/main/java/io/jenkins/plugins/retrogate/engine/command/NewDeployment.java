package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.policy.GateRequest;

/** A deployment about to run: the gate request it passed with, and what it deploys from where. */
public record NewDeployment(GateRequest request, String version, String job, Integer build) {
}
