package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.command.DeploymentResult;
import io.jenkins.plugins.retrogate.engine.command.NewDeployment;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deploy}: records a deployment that ran, with the gate decision recorded for its build. Success
 * in production verifies the items it proves (and resolves those its change set names); a production
 * rollback opens or extends an incident. A production deployment that no decision let through is
 * recorded as a bypass: said on stdout and stderr, exit 3.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true, header = "Records a deployment that ran; success in production verifies items.",
        description = {"Records a deployment that ran and what its outcome proves.",
                "It carries the gate decision recorded for its build (same --build-url, service, environment).",
                "A production deployment without one that let it through (no 'gate' asked for the build, or",
                "the gate blocked it and no override was approved) is recorded as a BYPASS: exit 3.",
                "A successful production deployment verifies resolved items of the service (and resolves and",
                "verifies the items its change set names); rolled-back opens an incident like 'rollback'",
                "(in production, unless the policy says otherwise)."})
final class DeployCommand extends CliCommand {
    @Option(names = "--service", required = true, paramLabel = "S", description = "The service deployed, like checkout-api.")
    String service;

    @Option(names = "--environment", required = true, paramLabel = "E", description = "Where it was deployed; the policy says whether it counts as production.")
    String environment;

    @Option(names = "--outcome", required = true, paramLabel = "succeeded|failed|rolled-back", description = "How the deployment ended.")
    String outcome;

    @Option(names = "--version", paramLabel = "V", description = "The version or commit deployed.")
    String version;

    @Option(names = "--build-url", paramLabel = "U", description = "The CI build that deployed it; ties the deployment to its gate decision.")
    String buildUrl;

    @Option(names = "--job", paramLabel = "JOB", description = "The CI job that deployed it.")
    String job;

    @Option(names = "--build", paramLabel = "N", description = "The CI build number.")
    Integer build;

    @Option(names = "--change-ticket", paramLabel = "KEY", description = "A ticket key or item id the change set names (repeatable).")
    List<String> changeTickets = new ArrayList<>();

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why it was rolled back (rolled-back only).")
    String reason;

    @Option(names = "--at", paramLabel = "ISO-8601", description = {"When it ran (and ended), if before now: an instant",
            "(2026-11-24T03:10:00Z) or a local date-time (2026-11-24T04:10)."})
    String at;

    @Override
    int execute() {
        Outcome how = Outcome.parse("outcome", outcome);
        java.time.Instant ranAt = Inputs.instant("at", at, zone());
        try (Session session = open()) {
            GateRequest request = GateRequest.of(service, environment, null, buildUrl, session.actor.name(),
                    changeTickets, null, session.engine.now());
            DeploymentResult result = session.engine.recordDeployment(session.actor,
                    new NewDeployment(request, version, job, build), how, reason, ranAt);
            Deployment deployment = result.deployment();
            Output out = out();
            out.line("Recorded " + Views.deploymentLine(deployment));
            out.line(Views.gateLine(deployment));
            if (ranAt != null) {
                out.line("Dated " + deployment.endedAt() + ": when it ran (recorded now)");
            }
            result.resolved().forEach(id -> out.line("Resolved " + id + ": this deployment carries its fix"));
            result.verified().forEach(id -> out.line("Verified " + id + ": the fix is proven in production"));
            result.reopened().forEach(id -> out.line("Reopened " + id + ": the deployment carrying its fix was rolled back"));
            if (result.incident() != null) {
                out.line("Incident " + result.incident().id() + ": " + result.incident().title());
            }
            if (result.noIncident() != null) {
                out.line(result.noIncident());
            }
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.set("deployment", ModelJson.deployment(result.deployment()));
            json.set("resolved", ModelJson.strings(result.resolved()));
            json.set("verified", ModelJson.strings(result.verified()));
            json.set("reopened", ModelJson.strings(result.reopened()));
            json.set("incident", result.incident() == null ? null : ModelJson.incident(result.incident()));
            json.put("noIncident", result.noIncident());
            out.document(json);
            if (deployment.bypassed()) {
                out.error("deploy: " + deployment.id() + " is recorded as a BYPASS of the gate: " + deployment.bypass()
                        + " (exit " + ExitCode.BLOCKED + ")");
                return ExitCode.BLOCKED;
            }
            return ExitCode.OK;
        }
    }
}
