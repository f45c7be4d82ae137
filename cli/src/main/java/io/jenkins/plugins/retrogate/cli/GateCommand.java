package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.command.GateOutcome;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gate}: may this deployment go ahead? A block records an override request and says who can approve it. */
@Command(name = "gate", mixinStandardHelpOptions = true, header = "May this deployment go ahead? Exit 3 when blocked.",
        description = {"Asks the gate whether a deployment may go ahead.",
                "Exit 0 for ALLOW, WARN or OVERRIDDEN, 3 for BLOCK (the override request is recorded).",
                "With <home>/tracker.yaml, also says when the decision rests on tracker",
                "data that is stale or whose last sync failed (never changes the decision)."})
final class GateCommand extends CliCommand {
    @Option(names = "--service", required = true, paramLabel = "S", description = "The service to deploy.")
    String service;

    @Option(names = "--environment", required = true, paramLabel = "E", description = "Where it goes.")
    String environment;

    @Option(names = "--change-ticket", paramLabel = "KEY",
            description = "A ticket key or item id the change set names (repeatable): it carries that fix.")
    List<String> changeTickets = new ArrayList<>();

    @Option(names = "--build-url", paramLabel = "U", description = "The CI build asking (an override may name it).")
    String buildUrl;

    @Option(names = "--requested-by", paramLabel = "NAME", description = "Who started the deployment (default: --actor).")
    String requestedBy;

    @Option(names = "--folder", paramLabel = "F", description = "The job's folder, for folder rules of the policy.")
    String folder;

    @Option(names = "--mode", paramLabel = "block|warn|off", description = {"The mode to gate in instead of the policy's:"
            + " a stricter one always applies, a weaker one only if the policy allows weaker pipeline modes"
            + " (the decision's rules say which)."})
    String mode;

    @Override
    int execute() {
        GateMode requested = GateMode.requested("mode", mode);
        // the flags are checked before the home is opened: bad input is named as such, whatever the home
        String requester = requestedBy == null ? root().actor().name() : requestedBy;
        GateRequest asked = GateRequest.of(service, environment, folder, buildUrl, requester, changeTickets,
                requested, java.time.Instant.EPOCH);
        try (Session session = openExisting()) {
            GateRequest request = asked.askedAt(session.engine.now());
            GateOutcome outcome = session.engine.gate(session.actor, request);
            OverrideRequest pending = outcome.request();
            String approve = pending == null ? null : approveCommand(request, pending);
            Output out = out();
            out.decision(outcome.decision().decision(), outcome.decision().message());
            ObjectNode tracker = TrackerFreshness.forDecision(session.home, outcome.decision(), session.engine.now());
            String notice = tracker == null ? null : tracker.path("notice").textValue();
            if (notice != null) {
                out.line(notice);
            }
            if (pending != null) {
                out.line("");
                int required = session.engine.policy().requiredApprovals(pending.service(), pending.environment());
                out.line("Override request " + pending.id() + " (requested by " + pending.requestedBy() + ")."
                        + (required == 1 ? " A release manager other than " + pending.requestedBy() + " can approve it:"
                        : " " + required + " release managers other than " + pending.requestedBy()
                        + " must approve it (the policy's approvals), each with:"));
                out.line("  " + approve);
            }
            if (out.json()) { // built only when asked for: a gate's answer for people needs no JSON mapper
                ObjectNode json = Views.decision(outcome.decision());
                json.set("request", pending == null ? null : ModelJson.request(pending));
                json.put("approve", approve);
                json.set("tracker", tracker);
                out.document(json);
            }
            return outcome.decision().decision() == Decision.BLOCK ? ExitCode.BLOCKED : ExitCode.OK;
        }
    }

    private String approveCommand(GateRequest request, OverrideRequest pending) {
        StringBuilder line = new StringBuilder("retro-gate");
        if (root().homeGiven()) {
            line.append(" --home ").append(RetroGateCli.quote(root().home().toString()));
        }
        String store = root().storeGiven();
        if (store != null) { // the approval must reach the store this gate asked, not the approver's home
            line.append(" --store ").append(RetroGateCli.quote(store));
        }
        line.append(" --actor <release-manager> override approve --service ").append(request.service())
                .append(" --environment ").append(request.environment());
        String buildUrl = pending.buildUrl();
        if (buildUrl != null) {
            line.append(" --build-url ").append(RetroGateCli.quote(buildUrl));
        }
        return line.append(" --reason '<why this may go out>'").toString();
    }
}
