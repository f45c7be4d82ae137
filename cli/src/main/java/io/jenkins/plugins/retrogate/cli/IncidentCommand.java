package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Contributor;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Mitigation;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.state.Listings;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code incident open|show|list|update}: the incident record and the retrospective's answers. */
@Command(name = "incident", mixinStandardHelpOptions = true, description = "Opens, shows, lists and updates incidents.")
final class IncidentCommand extends CliGroup {
    @Command(name = "open", mixinStandardHelpOptions = true, description = "Opens an incident by hand; prints its id.")
    int open(@Option(names = "--service", required = true, paramLabel = "S", description = "An affected service (repeatable).") List<String> services,
            @Option(names = "--title", required = true, paramLabel = "T", description = "What happened, in one line (blame-free: about systems, not people).") String title,
            @Option(names = "--detection", paramLabel = "rollback|alert|customer-report|deploy-check|manual",
                    description = "How it was detected (default: manual).") String detection,
            @Option(names = "--severity", paramLabel = "SEV1…SEV4", description = "How bad it was (SEV1 the worst).") String severity,
            @Option(names = "--detected-at", paramLabel = "ISO-8601",
                    description = "When (default: now); an instant, or a local date-time.") String detectedAt) {
        Detection how = detection == null ? null : Detection.parse("detection", detection);
        Severity sev = severity == null ? null : Severity.parse("severity", severity);
        try (Session session = open()) {
            NewIncident input = new NewIncident(title, sev, services, how, Inputs.instant("detected-at", detectedAt, zone()));
            Incident incident = session.engine.openIncident(session.actor, input);
            out().line(incident.id());
            out().document(out().withHints(input.hints(), ModelJson.incident(incident)));
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows an incident and its action items.")
    int show(@Parameters(paramLabel = "ID", description = "The incident, like INC-3.") String rawId) {
        String id = Ids.parseIncident("incident", rawId);
        try (Session session = openToRead()) {
            RetroState state = session.engine.state();
            Incident incident = state.incident(id)
                    .orElseThrow(() -> new InvalidInputException("incident", rawId, "does not exist"));
            List<ActionItem> items = state.itemsOf(id);
            describe(incident, items);
            List<WordingHint> hints = BlameWording.of(incident, items);
            if (!hints.isEmpty()) {
                out().line("  wording hints (systems, not people):");
                hints.forEach(hint -> out().line("    " + hint.message()));
            }
            ObjectNode json = ModelJson.incident(incident);
            json.set("items", Views.array(items, ModelJson::item));
            json.set("hints", Views.array(hints, Views::hint));
            out().document(json);
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists incidents, oldest first.")
    int list(@Option(names = "--status", paramLabel = "open|mitigated|resolved|reviewed", description = "Only incidents in this status.") String status,
            @Option(names = "--service", paramLabel = "S", description = "Only incidents that affect this service.") String service) {
        IncidentStatus wanted = status == null ? null : IncidentStatus.parse("status", status);
        String affected = service == null ? null : Names.service("service", service);
        try (Session session = openToRead()) {
            List<Incident> incidents = Listings.incidents(session.engine.state(), wanted, affected,
                    Listings.OLDEST_FIRST);
            if (incidents.isEmpty()) {
                out().line("No incidents.");
            } else {
                Views.incidentTable(incidents).forEach(out()::line);
            }
            out().document(Views.array(incidents, ModelJson::incident));
            return ExitCode.OK;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Records the retrospective's answers.")
    int update(@Parameters(paramLabel = "ID", description = "The incident, like INC-3.") String rawId,
            @Option(names = "--status", paramLabel = "mitigated|resolved|reviewed", description = "Moves the incident forward (never back).") String status,
            @Option(names = "--response-started", paramLabel = "ISO-8601", description = "When the response started; an instant, or a local date-time.") String responseStarted,
            @Option(names = "--mitigation", paramLabel = "temporary:TEXT|permanent:TEXT", description = "Records what mitigated it, and whether the mitigation is temporary or permanent.") String mitigation,
            @Option(names = "--root-cause", paramLabel = "TEXT", description = "The root cause, about systems and conditions (wording that blames a person gets a hint).") String rootCause,
            @Option(names = "--similar", paramLabel = "INC-n", description = "An earlier incident seen before.") String similar,
            @Option(names = "--not-seen-before", description = "The retrospective's answer to \"seen before?\" is no.") boolean notSeenBefore,
            @Option(names = "--no-action-reason", paramLabel = "TEXT",
                    description = "No action item is needed, and why (instead of an action item, for REVIEWED).") String noActionReason,
            @Option(names = "--title", paramLabel = "T", description = "A new title.") String title,
            @Option(names = "--severity", paramLabel = "SEV1…SEV4", description = "A new severity (SEV1 the worst).") String severity,
            @Option(names = "--contributor", paramLabel = "ROLE:NAME",
                    description = "introduced|identified|responded|debugged|resolved|insight, then a name.") String contributor,
            @Option(names = "--at", paramLabel = "ISO-8601",
                    description = "When the --status change or the --mitigation happened, if before now: an instant"
                            + " (2026-11-24T03:10:00Z) or a local date-time (2026-11-24T04:10).") String at) {
        IncidentUpdate update = IncidentUpdate.of(rawId);
        if (status != null) {
            IncidentStatus next = IncidentStatus.parse("status", status);
            if (next == IncidentStatus.OPEN) {
                throw new InvalidInputException("status", status, "is not one of mitigated, resolved, reviewed");
            }
            update = update.withStatus(next);
        }
        if (responseStarted != null) {
            update = update.withResponseStartedAt(Inputs.instant("response-started", responseStarted, zone()));
        }
        if (mitigation != null) {
            int colon = mitigation.indexOf(':');
            if (colon < 0) {
                throw new InvalidInputException("mitigation", mitigation,
                        "needs a kind and a text: temporary:TEXT or permanent:TEXT");
            }
            update = update.withMitigation(MitigationKind.parse("mitigation", mitigation.substring(0, colon)),
                    mitigation.substring(colon + 1));
        }
        if (rootCause != null) {
            update = update.withRootCause(rootCause);
        }
        if (similar != null) {
            update = update.withSimilar(similar);
        }
        if (title != null || severity != null) {
            update = update.withTitleAndSeverity(title, severity == null ? null : Severity.parse("severity", severity));
        }
        if (contributor != null) {
            int colon = contributor.indexOf(':');
            if (colon < 0) {
                throw new InvalidInputException("contributor", contributor, "needs a role and a name: ROLE:NAME");
            }
            update = update.withContributor(ContributorRole.parse("contributor", contributor.substring(0, colon)),
                    contributor.substring(colon + 1));
        }
        if (at != null) {
            update = update.withAt(Inputs.instant("at", at, zone()));
        }
        if (notSeenBefore || noActionReason != null) {
            update = update.withRetroAnswers(notSeenBefore, noActionReason);
        }
        if (update.equals(IncidentUpdate.of(rawId))) {
            throw new BadInputException("incident update " + rawId + " names nothing to change: give at least one of"
                    + " --status, --response-started, --mitigation, --root-cause, --similar, --not-seen-before,"
                    + " --no-action-reason, --title, --severity, --contributor");
        }
        try (Session session = open()) {
            Incident incident = session.engine.updateIncident(session.actor, update);
            out().line("Updated " + Views.incidentLine(incident));
            if (update.at() != null) {
                out().line("Dated " + update.at() + ": when it happened (recorded now)");
            }
            out().document(out().withHints(update.hints(), ModelJson.incident(incident)));
            return ExitCode.OK;
        }
    }

    private void describe(Incident incident, List<ActionItem> items) {
        Output out = out();
        out.line(incident.id() + ": " + incident.title());
        out.line("  status:            " + incident.status());
        out.line("  severity:          " + (incident.severity() == null ? "-" : incident.severity()));
        out.line("  affected services: " + String.join(", ", incident.affectedServices()));
        out.line("  detection:         " + incident.detection() + " at " + incident.detectedAt());
        out.line("  response started:  " + (incident.responseStartedAt() == null ? "-" : incident.responseStartedAt()));
        for (Mitigation m : incident.mitigations()) {
            out.line("  mitigation:        " + m.kind() + " at " + m.at() + ": " + m.description());
        }
        DeploymentRef trigger = incident.trigger();
        if (trigger != null) {
            out.line("  trigger:           " + ref(trigger));
        }
        for (DeploymentRef rollback : incident.rollbacks()) {
            out.line("  rollback:          " + ref(rollback));
        }
        if (!incident.similarIncidents().isEmpty()) {
            out.line("  seen before:       " + String.join(", ", incident.similarIncidents()));
        } else if (incident.notSeenBefore()) {
            out.line("  seen before:       no");
        }
        for (Contributor c : incident.contributors()) {
            out.line("  contributor:       " + c.role() + " " + c.name());
        }
        out.line("  root cause:        " + (incident.rootCause() == null ? "-" : incident.rootCause()));
        out.line("  action items:      " + (items.isEmpty() ? "none yet" : items.size()));
        if (incident.noActionReason() != null) {
            out.line("  no action, because: " + incident.noActionReason());
        }
        if (incident.status() != IncidentStatus.REVIEWED) {
            List<String> missing = io.jenkins.plugins.retrogate.engine.report.Retrospective.missing(incident, items);
            out.line("  retro readiness:   " + (missing.isEmpty() ? "ready for REVIEWED" : String.join("; ", missing)));
        }
        if (!items.isEmpty()) {
            Views.itemTable(items).forEach(line -> out.line("    " + line));
        }
    }

    @Command(name = "retro", mixinStandardHelpOptions = true,
            header = "The retrospective document of an incident, generated from the event log.",
            description = {"The retrospective document of an incident, generated from the event log: summary,",
                    "timeline, the five questions, people to hear by role, action items, similar incidents."})
    int retro(@Parameters(paramLabel = "ID", description = "The incident, like INC-3.") String rawId,
            @Option(names = "--format", paramLabel = "md|html|json", description = "Default: md (json with --json).")
            String format,
            @Option(names = {"--output", "--out"}, paramLabel = "FILE", description = "Write it to FILE instead of stdout.")
            java.nio.file.Path outFile) {
        String chosen = format == null ? (out().json() ? "json" : "md")
                : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("md", "html", "json").contains(chosen)) {
            throw new InvalidInputException("format", format, "is not one of md, html, json");
        }
        if (out().json() && outFile == null && !chosen.equals("json")) {
            throw new BadInputException("--format " + chosen + " cannot go to stdout with --json; add --output FILE");
        }
        String id = Ids.parseIncident("incident", rawId);
        io.jenkins.plugins.retrogate.engine.report.Retrospective retro;
        try (Session session = openToRead()) {
            if (session.engine.state().incident(id).isEmpty()) {
                throw new InvalidInputException("incident", rawId, "does not exist");
            }
            retro = io.jenkins.plugins.retrogate.engine.report.Retrospective.of(session.engine.state(),
                    session.engine.events(), id, session.engine.now());
        }
        String text = switch (chosen) {
            case "json" -> Output.write(io.jenkins.plugins.retrogate.engine.report.RetrospectiveJson.write(retro)) + "\n";
            case "html" -> io.jenkins.plugins.retrogate.engine.report.RetrospectiveHtml.write(retro);
            default -> io.jenkins.plugins.retrogate.engine.report.RetrospectiveMarkdown.write(retro);
        };
        if (outFile != null) {
            OutputFile.write(outFile, text);
            out().line("Wrote the " + chosen + " retrospective of " + id + " to " + outFile);
            ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            json.put("incident", id);
            json.put("out", outFile.toAbsolutePath().toString());
            json.put("format", chosen);
            out().document(json);
        } else if (out().json()) {
            out().document(io.jenkins.plugins.retrogate.engine.report.RetrospectiveJson.write(retro));
        } else {
            out().raw(text);
        }
        return ExitCode.OK;
    }

    private static String ref(DeploymentRef ref) {
        return (ref.deploymentId() == null ? "" : ref.deploymentId() + " ") + ref.service() + " → " + ref.environment()
                + (ref.version() == null ? "" : " version " + ref.version()) + (ref.url() == null ? "" : " " + ref.url());
    }
}
