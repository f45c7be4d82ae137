package io.jenkins.plugins.retrogate.cli;

import picocli.CommandLine.Command;

/** {@code tracker sync|status}: keeps action items and their Jira or GitHub tickets in step. */
@Command(name = "tracker", mixinStandardHelpOptions = true,
        header = "Syncs items with their Jira or GitHub tickets; shows how fresh the tracker data is.",
        description = {"Syncs action items with their tickets (settings in <home>/tracker.yaml,",
                "token from $RETRO_GATE_TRACKER_TOKEN) and shows each tracker's health."},
        subcommands = {TrackerSyncCommand.class, TrackerStatusCommand.class})
final class TrackerCommand extends CliGroup {
}
