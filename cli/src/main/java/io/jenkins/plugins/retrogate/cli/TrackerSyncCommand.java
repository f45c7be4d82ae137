package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.tracker.HttpOptions;
import io.jenkins.plugins.retrogate.engine.tracker.SyncReport;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerClient;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerException;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerStateFile;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSync;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncOptions;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncState;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code tracker sync}: one run of the engine's {@link TrackerSync} over the home's store, with the
 * settings of {@code tracker.yaml} and the token of an environment variable. The sync state is saved
 * to {@code tracker-sync.json} after every run, also a failed one, so that the health it records shows
 * in {@code tracker status}, in {@code gate} and in the report.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        header = "Resolves items whose tickets are done, files and closes tickets.",
        description = {"Runs the tracker sync once: files tickets for OPEN items without one",
                "(if fileTickets), resolves OPEN items whose ticket is done, comments on and",
                "closes the tickets of verified items. Settings: <home>/tracker.yaml.",
                "The token is read only from $RETRO_GATE_TRACKER_TOKEN (or the variable",
                "that tokenVariable names). The state goes to <home>/tracker-sync.json.",
                "Exit 0 done; 1 a tracker failed (state saved, its health records it);",
                "2 bad settings or no token; 5 store locked or corrupt."})
final class TrackerSyncCommand extends CliCommand {

    @Override
    @SuppressWarnings("try") // the sync lock is held by its try block, never read
    int execute() {
        Path home = root().home();
        TrackerConfig config = TrackerConfigFile.load(home).orElseThrow(() -> new BadInputException(
                "there is no " + TrackerConfig.file(home) + "; write one to name the tracker (see docs/cli.md)"));
        HttpOptions http = HttpOptions.defaults().withRetry(config.retry()).withClock(root().environment().clock());
        List<TrackerClient> clients = new ArrayList<>();
        for (TrackerEntry entry : config.trackers()) {
            try {
                clients.add(entry.client(root().environment(), http));
            } catch (TrackerException e) {
                throw new BadInputException(TrackerConfig.file(home) + ": " + entry.path() + ": " + e.getMessage());
            }
        }
        TrackerSyncOptions options = config.syncOptions();
        if (Files.exists(home)) {
            new TrackerStateFile(home).read(); // an unreadable state stops the sync before the store is opened
        }
        SyncReport report;
        // The store is held only while each of the sync's commands runs, never while it waits on a tracker;
        // one sync at a time per home.
        try (TrackerSyncLock sync = TrackerSyncLock.acquire(home); Session session = openLeased()) {
            TrackerSyncState previous = new TrackerStateFile(session.home).read();
            report = new TrackerSync(session.engine, clients, options, root().environment().clock()).run(previous);
            new TrackerStateFile(session.home).write(report.state());
        }
        Output out = out();
        report.summary().forEach(out::line);
        out.document(json(report, config, home));
        if (report.succeeded()) {
            return ExitCode.OK;
        }
        report.errors().forEach((system, error) -> out.error("tracker sync: " + TrackerSetups.name(system)
                + " failed: " + error));
        out.error("The items stay as last known; the sync state and the failure are saved in "
                + new TrackerStateFile(home).file() + " ('retro-gate tracker status' shows it). Run the sync again once the"
                + " outage is over or the cause is fixed.");
        return ExitCode.UNEXPECTED;
    }

    private static ObjectNode json(SyncReport report, TrackerConfig config, Path home) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("succeeded", report.succeeded());
        node.put("startedAt", report.startedAt().toString());
        node.put("finishedAt", report.finishedAt().toString());
        node.set("created", ModelJson.strings(report.created()));
        node.set("resolved", ModelJson.strings(report.resolved()));
        node.set("commented", ModelJson.strings(report.commented()));
        node.set("closed", ModelJson.strings(report.closed()));
        node.set("notes", ModelJson.strings(report.notes()));
        ObjectNode errors = node.putObject("errors");
        report.errors().forEach((system, error) -> errors.put(system.name(), error));
        node.set("trackers", TrackerFreshness.json(TrackerFreshness.statuses(config, report.state(),
                report.finishedAt())));
        node.put("stateFile", new TrackerStateFile(home).file().toString());
        return node;
    }
}
