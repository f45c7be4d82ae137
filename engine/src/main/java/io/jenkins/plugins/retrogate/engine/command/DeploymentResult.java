package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import java.util.List;

/**
 * What recording a deployment's end did: items it resolved (its change set named them), items it
 * verified, items it reopened (it was rolled back), and the incident a rollback opened or extended
 * ({@code null} otherwise). A rollback outside production that opened no incident says why in
 * {@code noIncident}.
 */
public record DeploymentResult(Deployment deployment, List<String> resolved, List<String> verified,
        List<String> reopened, Incident incident, String noIncident) {
    public DeploymentResult {
        resolved = List.copyOf(resolved);
        verified = List.copyOf(verified);
        reopened = List.copyOf(reopened);
    }
}
