package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.command.RollbackResult;
import io.jenkins.plugins.retrogate.engine.command.SimilarIncident;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rollback}: a deployment was rolled back; open an incident (or attach to the service's open one). */
@Command(name = "rollback", mixinStandardHelpOptions = true, header = "A deployment was rolled back: open (or extend) its incident.",
        description = {"Records a rolled-back deployment and opens an incident for it, or attaches it to the",
                "open incident of the service. Prints the incident id alone on the first line."})
final class RollbackCommand extends CliCommand {
    @Option(names = "--service", required = true, paramLabel = "S")
    String service;

    @Option(names = "--environment", required = true, paramLabel = "E")
    String environment;

    @Option(names = "--version", paramLabel = "V", description = "The version that was rolled back.")
    String version;

    @Option(names = "--build-url", paramLabel = "U")
    String buildUrl;

    @Option(names = "--reason", paramLabel = "TEXT", description = "What failed (used to suggest similar incidents).")
    String reason;

    @Override
    int execute() {
        try (Session session = open()) {
            RollbackResult result = session.engine.rollback(session.actor,
                    new RollbackRequest(service, environment, version, null, null, buildUrl, reason, null));
            Output out = out();
            String id = result.incident().id();
            out.line(id);
            out.line((result.opened() ? "Opened incident " : "Attached the rollback to open incident ") + id + ": "
                    + result.incident().title());
            result.reopened().forEach(item -> out.line("Reopened " + item + ": the rolled-back deployment carried its fix"));
            session.engine.state().deployment(result.deploymentId()).filter(d -> d.bypassed())
                    .ifPresent(d -> out.line("The rolled-back deployment " + d.id() + " bypassed the gate: "
                            + d.bypass()));
            for (SimilarIncident similar : result.similar()) {
                out.line("Seen before? " + similar.incidentId() + " '" + similar.title() + "' (" + similar.why()
                        + ", score " + similar.score() + ") — link it: retro-gate incident update " + id
                        + " --similar " + similar.incidentId());
            }
            out.line("Next: hold the retrospective and add action items: retro-gate item add " + id
                    + " --title … --priority P0 --type preventative --owner <team>");
            out.document(ModelJson.incident(result.incident()));
            return ExitCode.OK;
        }
    }
}
