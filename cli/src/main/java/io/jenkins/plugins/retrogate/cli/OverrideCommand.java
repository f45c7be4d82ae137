package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.command.ApprovalOutcome;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.config.PolicyFile;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.engine.state.Listings;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
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
            header = "Approves an override of a blocked deployment (four eyes; N distinct approvers where the policy asks).",
            description = {"Approves an override: a pending request by its id (REQ-n, for its build, or with --window for",
                    "its service and environment), or for a service and environment: one build (--build-url) or a",
                    "window (--for, default and maximum: the policy's maxOverrideWindow). Where the policy's",
                    "'approvals' require N distinct approvers, the override takes effect with the N-th."})
    int approve(@Parameters(paramLabel = "REQUEST", arity = "0..1", description = "A pending request, like REQ-2 ('override list --pending').") String requestId,
            @Option(names = "--service", paramLabel = "S", description = "The service the override lets through (without REQUEST).") String service,
            @Option(names = "--environment", paramLabel = "E", description = "The environment the override lets through (without REQUEST).") String environment,
            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the deployment may go ahead despite the open items; recorded and audited.") String reason,
            @Option(names = "--build-url", paramLabel = "U", description = "Only this build (without REQUEST).") String buildUrl,
            @Option(names = "--window", description = "With REQUEST: for the request's service and environment during --for, not only its build.") boolean window,
            @Option(names = "--for", paramLabel = "DURATION", description = "30m, 4h, 1d or ISO-8601 (PT4H).") String duration) {
        Duration length = duration == null ? null : PolicyFile.duration("for", duration);
        if (requestId != null && (service != null || environment != null || buildUrl != null)) {
            throw new BadInputException("override approve " + requestId + ": the request names its service, environment"
                    + " and build; give REQUEST or --service/--environment/--build-url, not both");
        }
        if (requestId == null && (service == null || environment == null)) {
            throw new BadInputException("override approve: give a pending REQUEST (like REQ-2), or --service and"
                    + " --environment");
        }
        if (requestId == null && window) {
            throw new BadInputException("override approve: --window goes with a REQUEST; without one, leave out"
                    + " --build-url for a window");
        }
        try (Session session = open()) {
            ApprovalOutcome outcome;
            List<WordingHint> hints;
            if (requestId != null) {
                outcome = session.engine.approveRequest(session.actor, requestId, window, reason, length);
                hints = BlameWording.check("reason", reason);
            } else {
                OverrideGrant grant = new OverrideGrant(service, environment, buildUrl, reason, length);
                outcome = session.engine.approveOverride(session.actor, grant);
                hints = grant.hints();
            }
            OverrideApproval override = outcome.override();
            ObjectNode json;
            if (override != null) {
                out().line("Approved " + Views.overrideLine(override));
                if (!override.requestIds().isEmpty()) {
                    out().line("Answers request(s) " + String.join(", ", override.requestIds()));
                }
                if (outcome.required() > 1) {
                    out().line(outcome.summary());
                }
                json = ModelJson.override(override);
            } else {
                out().line("Approval recorded: " + outcome.summary());
                json = JsonNodeFactory.instance.objectNode();
            }
            json.set("approval", Views.approval(outcome));
            out().document(out().withHints(hints, json));
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
    int list(@Option(names = "--all", description = "Also expired overrides and decided requests.") boolean all,
            @Option(names = "--pending", description = "Only the pending requests, what a release manager has to answer.") boolean pendingOnly) {
        if (all && pendingOnly) {
            throw new BadInputException("override list: --all and --pending exclude each other");
        }
        try (Session session = openToRead()) {
            RetroState state = session.engine.state();
            Instant now = session.engine.now();
            List<OverrideRequest> requests = Listings.requests(state, !all);
            List<OverrideApproval> overrides = Listings.overrides(state, all ? null : now);
            Output out = out();
            out.line(all ? "Override requests:" : "Pending override requests:");
            ArrayNode requestsJson = JsonNodeFactory.instance.arrayNode();
            for (OverrideRequest request : requests) {
                out.line("  " + Views.requestLine(request));
                ObjectNode node = ModelJson.request(request);
                if (request.status() == RequestStatus.PENDING) {
                    ApprovalOutcome progress = session.engine.approvalProgress(request, false);
                    if (progress.required() > 1 || !progress.approvers().isEmpty()) {
                        out.line("    " + progress.count() + (progress.missing() > 0 ? ", " + progress.missing()
                                + " more needed" : ""));
                    }
                    node.set("approval", Views.approval(progress));
                }
                requestsJson.add(node);
            }
            if (requests.isEmpty()) {
                out.line("  none");
            }
            if (!pendingOnly) {
                out.line(all ? "Overrides:" : "Overrides in force:");
                overrides.forEach(o -> out.line("  " + Views.overrideLine(o)));
                if (overrides.isEmpty()) {
                    out.line("  none");
                }
            }
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.set("requests", requestsJson);
            if (!pendingOnly) {
                json.set("overrides", Views.array(overrides, ModelJson::override));
            }
            out.document(json);
            return ExitCode.OK;
        }
    }
}
