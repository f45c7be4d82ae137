package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.report.Report;
import io.jenkins.plugins.retrogate.engine.report.ReportHtml;
import io.jenkins.plugins.retrogate.engine.report.ReportJson;
import io.jenkins.plugins.retrogate.engine.report.ReportText;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code report}: DORA figures per service and the retrospective's own, as text, JSON or an HTML page. */
@Command(name = "report", mixinStandardHelpOptions = true, header = "DORA figures and the retrospective's own, as text, JSON or HTML.",
        description = {"DORA figures per service (deployment frequency, change failure rate, time to restore) and",
                "the retrospective's own (time to retro, item cycle time, overdue P0s, recurrence rate).",
                "With <home>/tracker.yaml, warns when a tracker's last sync failed or its",
                "data is stale."})
final class ReportCommand extends CliCommand {
    @Option(names = "--service", paramLabel = "S", description = "Only this service.")
    String service;

    @Option(names = "--format", paramLabel = "text|json|html", description = "Default: text (json with --json).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path outFile;

    @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "The period: the last N days (default: 30).")
    int days;

    @Override
    int execute() {
        String chosen = format == null ? (out().json() ? "json" : "text") : format.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("json") && !chosen.equals("html")) {
            throw new InvalidInputException("format", format, "is not one of text, json, html");
        }
        if (out().json() && outFile == null && !chosen.equals("json")) {
            throw new BadInputException("--format " + chosen + " cannot go to stdout with --json; add --out FILE");
        }
        Report report;
        try (Session session = openToRead()) {
            report = session.engine.report(days, service);
            report = report.withTrackers(TrackerFreshness.statuses(session.home, report.generatedAt()));
        }
        String text = switch (chosen) {
            case "json" -> Output.write(ReportJson.write(report)) + "\n";
            case "html" -> ReportHtml.write(report);
            default -> ReportText.write(report, zone());
        };
        if (outFile != null) {
            OutputFile.write(outFile, text);
            out().line("Wrote the " + chosen + " report to " + outFile);
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("out", outFile.toAbsolutePath().toString());
            json.put("format", chosen);
            out().document(json);
        } else if (out().json()) {
            out().document(ReportJson.write(report));
        } else {
            out().raw(text);
        }
        return ExitCode.OK;
    }
}
