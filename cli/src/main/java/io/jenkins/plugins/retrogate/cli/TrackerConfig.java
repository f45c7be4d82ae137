package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.tracker.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The tracker settings of a home, read from {@code <home>/tracker.yaml} by {@link TrackerConfigFile}:
 * the trackers (at most one per kind), how old their data may get before decisions say so, and how a
 * sync behaves. Holds no token: each tracker names the environment variable its token is read from.
 *
 * @param file               where the settings came from (for messages)
 * @param trackers           one or two trackers, Jira and/or GitHub
 * @param staleAfter         tracker data older than this makes decisions and the report warn
 * @param incidentUrl        the web page of an incident for the description of filed tickets ({@code {id}}), or null
 * @param closeHistoricItems whether items verified before the first sync get their tickets closed too
 * @param attempts           calls per request before a tracker counts as unavailable (1–10)
 */
record TrackerConfig(Path file, List<TrackerEntry> trackers, Duration staleAfter, String incidentUrl,
        boolean closeHistoricItems, int attempts) {
    static final String FILE = "tracker.yaml";
    static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(30);
    static final String TOKEN_VARIABLE = "RETRO_GATE_TRACKER_TOKEN";

    TrackerConfig {
        trackers = List.copyOf(trackers);
    }

    static Path file(Path home) {
        return home.resolve(FILE);
    }

    /** The ticket systems these trackers serve. */
    Set<TicketSystem> systems() {
        Set<TicketSystem> systems = EnumSet.noneOf(TicketSystem.class);
        trackers.forEach(t -> systems.add(t.system()));
        return systems;
    }

    /** Where OPEN items without a ticket get one filed, or null. */
    TicketSystem fileTicketsIn() {
        return trackers.stream().filter(TrackerEntry::fileTickets).map(TrackerEntry::system).findFirst().orElse(null);
    }

    RetryPolicy retry() {
        RetryPolicy defaults = RetryPolicy.defaults();
        return new RetryPolicy(attempts, defaults.initialBackoff(), defaults.maxBackoff(), defaults.maxWait());
    }

    /** The name people know a tracker by. */
    static String name(TicketSystem system) {
        return system == TicketSystem.GITHUB ? "GitHub" : system == TicketSystem.JIRA ? "Jira" : system.name();
    }
}
