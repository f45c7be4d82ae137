package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.config.PolicyFile;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.state.Listings;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code override approve|deny|list}: a release manager's audited exception to a block. The
 * approver is {@code --actor}; four eyes refuses an approver who requested the blocked deployment.
 */
@Command(name = "override", mixinStandardHelpOptions = true,
        description = "Approves, denies and lists overrides of blocked deployments (four eyes).")
final class OverrideCommand extends CliGroup {

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Approves an override: for one build (--build-url) or for the service and environment",
                    "during a window (--for, default and maximum: the policy's maxOverrideWindow)."})
    int approve(@Option(names = "--service", required = true, paramLabel = "S", description = "The service the override lets through.") String service,
            @Option(names = "--environment", required = true, paramLabel = "E", description = "The environment the override lets through.") String environment,
            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the deployment may go ahead despite the open items; recorded and audited.") String reason,
            @Option(names = "--build-url", paramLabel = "U", description = "Only this build.") String buildUrl,
            @Option(names = "--for", paramLabel = "DURATION", description = "30m, 4h, 1d or ISO-8601 (PT4H).") String window) {
        Duration duration = window == null ? null : PolicyFile.duration("for", window);
        try (Session session = open()) {
            OverrideGrant grant = new OverrideGrant(service, environment, buildUrl, reason, duration);
            OverrideApproval override = session.engine.approveOverride(session.actor, grant);
            out().line("Approved " + Views.overrideLine(override));
            if (!override.requestIds().isEmpty()) {
                out().line("Answers request(s) " + String.join(", ", override.requestIds()));
            }
            out().document(out().withHints(grant.hints(), ModelJson.override(override)));
            return ExitCode.OK;
        }
    }

    @Command(name = "deny", mixinStandardHelpOptions = true, description = "Denies a pending override request.")
    int deny(@Parameters(paramLabel = "REQUEST", description = "The request, like REQ-2.") String requestId,
            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the request is denied; shown to the requester.") String reason) {
        try (Session session = open()) {
            OverrideRequest request = session.engine.denyOverride(session.actor, requestId, reason);
            out().line("Denied " + Views.requestLine(request));
            out().document(out().withHints(BlameWording.check("reason", reason), ModelJson.request(request)));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists pending override requests and the overrides still in force.")
    int list(@Option(names = "--all", description = "Also expired overrides and decided requests.") boolean all) {
        try (Session session = openToRead()) {
            RetroState state = session.engine.state();
            Instant now = session.engine.now();
            List<OverrideRequest> requests = Listings.requests(state, !all);
            List<OverrideApproval> overrides = Listings.overrides(state, all ? null : now);
            Output out = out();
            out.line(all ? "Override requests:" : "Pending override requests:");
            requests.forEach(r -> out.line("  " + Views.requestLine(r)));
            if (requests.isEmpty()) {
                out.line("  none");
            }
            out.line(all ? "Overrides:" : "Overrides in force:");
            overrides.forEach(o -> out.line("  " + Views.overrideLine(o)));
            if (overrides.isEmpty()) {
                out.line("  none");
            }
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.set("requests", Views.array(requests, ModelJson::request));
            json.set("overrides", Views.array(overrides, ModelJson::override));
            out.document(json);
            return ExitCode.OK;
        }
    }
}
