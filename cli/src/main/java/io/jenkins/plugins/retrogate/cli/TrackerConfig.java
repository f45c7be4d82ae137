package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.tracker.RetryPolicy;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetups;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The tracker settings of a home, read from {@code <home>/tracker.yaml} by {@link TrackerConfigFile} and
 * checked by the engine ({@link TrackerSetups}). Holds no token: each tracker names the environment
 * variable its token is read from.
 *
 * @param file     where the settings came from (for messages)
 * @param trackers the trackers, in the file's order, with where each sits in the file
 * @param setups   the engine's settings of the whole section
 */
record TrackerConfig(Path file, List<TrackerEntry> trackers, TrackerSetups setups) {
    static final String FILE = "tracker.yaml";
    static final String TOKEN_VARIABLE = "RETRO_GATE_TRACKER_TOKEN";

    TrackerConfig {
        trackers = List.copyOf(trackers);
    }

    static Path file(Path home) {
        return home.resolve(FILE);
    }

    Set<TicketSystem> systems() {
        return setups.systems();
    }

    Duration staleAfter() {
        return setups.staleAfter();
    }

    RetryPolicy retry() {
        return setups.retry();
    }

    TrackerSyncOptions syncOptions() {
        return setups.syncOptions();
    }
}
