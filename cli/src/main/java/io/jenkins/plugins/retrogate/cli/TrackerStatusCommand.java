package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.report.TrackerStatus;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerStateFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code tracker status}: each configured tracker's health from {@code tracker-sync.json}: when a sync
 * last succeeded, whether the last one failed and why, and whether the data is stale. Reads only; no
 * token and no store needed.
 */
@Command(name = "status", mixinStandardHelpOptions = true, header = "Each tracker's health: last success, last failure, staleness.",
        description = {"Shows each tracker of <home>/tracker.yaml: when its data was last synced,",
                "whether the last sync failed and why, and whether the data is older than",
                "staleAfter. Needs no token; changes nothing."})
final class TrackerStatusCommand extends CliCommand {

    @Override
    int execute() {
        Path home = root().home();
        TrackerConfig config = TrackerConfigFile.load(home).orElseThrow(() -> new BadInputException(
                "there is no " + TrackerConfig.file(home) + ": no tracker is configured (see docs/cli.md)"));
        Instant now = root().environment().clock().instant();
        List<TrackerStatus> statuses = TrackerFreshness.statuses(config, new TrackerStateFile(home).read(), now);
        for (TrackerStatus status : statuses) {
            String label = status.failing() ? "FAILING" : status.lastSuccessAt() == null ? "NEVER SYNCED"
                    : status.stale() ? "STALE" : "OK";
            out().line(String.format("%-7s %-12s %s", status.tracker(), label, status.description()));
        }
        out().line("Data older than " + config.staleAfter().toMinutes() + " minutes is stale (staleAfter in "
                + config.file() + ").");
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("staleAfter", config.staleAfter().toString());
        json.put("stateFile", new TrackerStateFile(home).file().toString());
        json.set("trackers", TrackerFreshness.json(statuses));
        out().document(json);
        return ExitCode.OK;
    }
}
