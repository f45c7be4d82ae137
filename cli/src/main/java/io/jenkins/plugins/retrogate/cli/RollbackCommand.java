package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.command.RollbackResult;
import io.jenkins.plugins.retrogate.engine.command.SimilarIncident;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rollback}: a deployment was rolled back; in production, open an incident (or attach to the
 * service's open one).
 */
@Command(name = "rollback", mixinStandardHelpOptions = true, header = "A deployment was rolled back: open (or extend) its incident.",
        description = {"Records a rolled-back deployment and, in production, opens an incident for it or attaches",
                "it to the open incident of the service. Prints the incident id alone on the first line;",
                "outside production (unless the policy says otherwise) no incident is opened, and the first",
                "line says so."})
final class RollbackCommand extends CliCommand {
    @Option(names = "--service", required = true, paramLabel = "S", description = "The service rolled back.")
    String service;

    @Option(names = "--environment", required = true, paramLabel = "E", description = "Where it was rolled back.")
    String environment;

    @Option(names = "--version", paramLabel = "V", description = "The version that was rolled back.")
    String version;

    @Option(names = "--build-url", paramLabel = "U", description = "The CI build whose deployment was rolled back.")
    String buildUrl;

    @Option(names = "--reason", paramLabel = "TEXT", description = "What failed (used to suggest similar incidents).")
    String reason;

    @Option(names = "--at", paramLabel = "ISO-8601", description = {"When it was rolled back, if before now: an instant",
            "(2026-11-24T03:10:00Z) or a local date-time (2026-11-24T04:10)."})
    String at;

    @Override
    int execute() {
        java.time.Instant rolledBackAt = Inputs.instant("at", at, zone());
        try (Session session = open()) {
            RollbackResult result = session.engine.rollback(session.actor,
                    new RollbackRequest(service, environment, version, null, null, buildUrl, reason, null,
                            rolledBackAt));
            Output out = out();
            if (result.incident() == null) {
                noIncident(session, result);
                return ExitCode.OK;
            }
            String id = result.incident().id();
            out.line(id);
            out.line((result.opened() ? "Opened incident " : "Attached the rollback to open incident ") + id + ": "
                    + result.incident().title());
            dated(result.opened() ? result.incident().detectedAt() : rolledBackAt);
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

    private void dated(java.time.Instant happened) {
        if (at != null) {
            out().line("Dated " + happened + ": when it was rolled back (recorded now)");
        }
    }

    /** A rollback that opened no incident: why, first (scripts reading an id find none), then what it did. */
    private void noIncident(Session session, RollbackResult result) {
        Output out = out();
        Deployment deployment = session.engine.state().deployment(result.deploymentId()).orElseThrow();
        out.line(result.noIncident());
        out.line("Recorded " + Views.deploymentLine(deployment));
        dated(deployment.endedAt());
        result.reopened().forEach(item -> out.line("Reopened " + item + ": the rolled-back deployment carried its fix"));
        if (deployment.bypassed()) {
            out.line("The rolled-back deployment " + deployment.id() + " bypassed the gate: " + deployment.bypass());
        }
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.putNull("incident");
        json.set("deployment", ModelJson.deployment(deployment));
        json.set("reopened", ModelJson.strings(result.reopened()));
        json.put("noIncident", result.noIncident());
        out.document(json);
    }
}
