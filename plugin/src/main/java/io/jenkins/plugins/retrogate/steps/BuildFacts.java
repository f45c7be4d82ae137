package io.jenkins.plugins.retrogate.steps;

import hudson.model.Run;
import io.jenkins.plugins.retrogate.config.RetroGateConfiguration;
import io.jenkins.plugins.retrogate.engine.command.NewDeployment;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.security.Actors;
import java.time.Instant;

/**
 * What the engine needs to know about a build: its job, folder, number and URL (the URL identifies
 * the build in override requests), who started it (four eyes) and what its change set names.
 */
final class BuildFacts {
    private BuildFacts() {
    }

    /** A gate request for this build; the engine validates the names and fails naming the field. */
    static GateRequest request(Run<?, ?> run, String service, String environment, String mode, Instant at) {
        GateMode requested = GateMode.requested("mode", mode);
        String folder = run.getParent().getParent().getFullName();
        return GateRequest.of(service, environment, folder.isEmpty() ? null : folder, run.getUrl(),
                Actors.requester(run), ChangeSetTickets.of(run, RetroGateConfiguration.get().ticketPattern()),
                requested, at);
    }

    static NewDeployment deployment(Run<?, ?> run, GateRequest request, String version) {
        return new NewDeployment(request, version, run.getParent().getFullName(), run.getNumber());
    }
}
