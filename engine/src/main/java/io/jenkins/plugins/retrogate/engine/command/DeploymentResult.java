package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import java.util.List;

/**
 * What recording a deployment's end did: items it resolved (its change set named them), items it
 * verified, items it reopened (it was rolled back), and the incident a rollback opened or extended.
 */
public record DeploymentResult(Deployment deployment, List<String> resolved, List<String> verified,
        List<String> reopened, Incident incident) {
    public DeploymentResult {
        resolved = List.copyOf(resolved);
        verified = List.copyOf(verified);
        reopened = List.copyOf(reopened);
    }
}
