package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The whole tracker section, as both front-ends configure it: at most one tracker per kind (Jira,
 * GitHub), at most one of them filing tickets, how often the plugin syncs, when tracker data counts
 * as stale, and how hard a call is tried. {@link #retry()} and {@link #syncOptions()} are what a sync
 * runs with, whichever front-end starts it.
 *
 * @param trackers           one tracker per kind at most
 * @param syncInterval       how often a scheduled sync runs (1 minute to 1 day)
 * @param staleAfter         tracker data older than this makes decisions and reports warn (1 minute to 7 days)
 * @param attempts           calls per request before a tracker counts as unavailable (1 to 10)
 * @param incidentUrl        an incident's web page for filed tickets, with {@code {id}}; or null
 * @param closeHistoricItems whether items verified before the first sync get their tickets closed too
 */
public record TrackerSetups(List<TrackerSetup> trackers, Duration syncInterval, Duration staleAfter, int attempts,
        String incidentUrl, boolean closeHistoricItems) {
    public static final int DEFAULT_SYNC_INTERVAL_MINUTES = 15;
    public static final int MAX_SYNC_INTERVAL_MINUTES = 24 * 60;
    public static final int DEFAULT_STALE_AFTER_MINUTES = 30;
    public static final int MAX_STALE_AFTER_MINUTES = 7 * 24 * 60;
    public static final int DEFAULT_ATTEMPTS = 4;
    public static final int MAX_ATTEMPTS = 10;

    public TrackerSetups {
        trackers = List.copyOf(trackers);
        Set<TicketSystem> seen = EnumSet.noneOf(TicketSystem.class);
        for (int i = 0; i < trackers.size(); i++) {
            TrackerSetup tracker = trackers.get(i);
            if (!seen.add(tracker.system())) {
                throw new InvalidInputException("trackers[" + i + "].kind", tracker.kind().text(), "is a second "
                        + name(tracker.system()) + " tracker; one tracker of each kind (Jira, GitHub) is allowed");
            }
        }
        if (trackers.stream().filter(TrackerSetup::fileTickets).count() > 1) {
            throw new InvalidInputException("fileTickets", "true", "is set for more than one tracker; tickets are"
                    + " filed in one tracker only");
        }
        minutes("syncIntervalMinutes", syncInterval, MAX_SYNC_INTERVAL_MINUTES, "(a day)");
        minutes("staleAfter", staleAfter, MAX_STALE_AFTER_MINUTES, "(a week)");
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            throw new InvalidInputException("attempts", attempts, "is not a whole number from 1 to " + MAX_ATTEMPTS);
        }
        incidentUrl = InvalidInputException.optionalLine("incidentUrl", incidentUrl, 500);
        if (incidentUrl != null && !incidentUrl.matches("https?://\\S+")) {
            throw new InvalidInputException("incidentUrl", incidentUrl,
                    "is not an http(s) URL (with {id} for the incident id)");
        }
    }

    /** A builder starting from the defaults: no tracker, every 15 minutes, stale after 30, 4 attempts. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ticket systems these trackers serve. */
    public Set<TicketSystem> systems() {
        Set<TicketSystem> systems = EnumSet.noneOf(TicketSystem.class);
        trackers.forEach(t -> systems.add(t.system()));
        return systems;
    }

    /** Where OPEN items without a ticket get one filed, or null. */
    public TicketSystem fileTicketsIn() {
        return trackers.stream().filter(TrackerSetup::fileTickets).map(TrackerSetup::system).findFirst().orElse(null);
    }

    /** The engine's retry policy with these attempts. */
    public RetryPolicy retry() {
        RetryPolicy defaults = RetryPolicy.defaults();
        return new RetryPolicy(attempts, defaults.initialBackoff(), defaults.maxBackoff(), defaults.maxWait());
    }

    /** What a sync does: files tickets where one tracker says so (linking {@link #incidentUrl}), closes historic items. */
    public TrackerSyncOptions syncOptions() {
        TrackerSyncOptions options = TrackerSyncOptions.defaults().withCloseHistoricItems(closeHistoricItems);
        return fileTicketsIn() == null ? options : options.fileTicketsIn(fileTicketsIn(), incidentUrl);
    }

    /** The name people know a tracker by. */
    public static String name(TicketSystem system) {
        return system == TicketSystem.GITHUB ? "GitHub" : system == TicketSystem.JIRA ? "Jira" : system.name();
    }

    private static void minutes(String field, Duration value, int max, String hint) {
        if (value == null || value.compareTo(Duration.ofMinutes(1)) < 0
                || value.compareTo(Duration.ofMinutes(max)) > 0) {
            throw new InvalidInputException(field, value == null ? "" : value.toMinutes() + " minutes",
                    "is not from 1 to " + max + " minutes " + hint);
        }
    }

    /** Collects the section; the text forms are the ones both front-ends accept. */
    public static final class Builder {
        private final List<TrackerSetup> trackers = new ArrayList<>();
        private Duration syncInterval = Duration.ofMinutes(DEFAULT_SYNC_INTERVAL_MINUTES);
        private Duration staleAfter = Duration.ofMinutes(DEFAULT_STALE_AFTER_MINUTES);
        private int attempts = DEFAULT_ATTEMPTS;
        private String incidentUrl;
        private boolean closeHistoricItems;

        Builder() {
        }

        public Builder tracker(TrackerSetup tracker) {
            trackers.add(tracker);
            return this;
        }

        public Builder syncIntervalMinutes(int minutes) {
            syncInterval = Duration.ofMinutes(whole("syncIntervalMinutes", minutes, MAX_SYNC_INTERVAL_MINUTES,
                    "minutes", "(a day)"));
            return this;
        }

        public Builder staleAfterMinutes(int minutes) {
            staleAfter = Duration.ofMinutes(whole("staleAfterMinutes", minutes, MAX_STALE_AFTER_MINUTES,
                    "minutes", "(a week)"));
            return this;
        }

        /** {@code staleAfter} as a text a person writes ({@code 30m}, {@code 2h}, {@code PT45M}); see PolicyFile. */
        public Builder staleAfter(Duration value) {
            minutes("staleAfter", value, MAX_STALE_AFTER_MINUTES, "(a week)");
            staleAfter = value;
            return this;
        }

        /** A whole number of minutes as text (a YAML scalar, a form field). */
        public Builder staleAfterMinutes(String text) {
            return staleAfterMinutes(number("staleAfterMinutes", text, MAX_STALE_AFTER_MINUTES, "minutes",
                    "(a week)"));
        }

        public Builder attempts(int value) {
            attempts = whole("attempts", value, MAX_ATTEMPTS, "", "");
            return this;
        }

        public Builder attempts(String text) {
            return attempts(number("attempts", text, MAX_ATTEMPTS, "", ""));
        }

        public Builder incidentUrl(String value) {
            incidentUrl = value;
            return this;
        }

        public Builder closeHistoricItems(boolean value) {
            closeHistoricItems = value;
            return this;
        }

        /**
         * Checks the whole section.
         *
         * @throws InvalidInputException naming the field, the value and what is allowed
         */
        public TrackerSetups build() {
            return new TrackerSetups(trackers, syncInterval, staleAfter, attempts, incidentUrl, closeHistoricItems);
        }

        private static int number(String field, String text, int max, String unit, String hint) {
            String value = text == null ? "" : text.strip();
            if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > max) {
                throw outOfRange(field, value, max, unit, hint);
            }
            return Integer.parseInt(value);
        }

        private static int whole(String field, int value, int max, String unit, String hint) {
            if (value < 1 || value > max) {
                throw outOfRange(field, String.valueOf(value), max, unit, hint);
            }
            return value;
        }

        private static InvalidInputException outOfRange(String field, String value, int max, String unit,
                String hint) {
            String what = unit.isEmpty() ? "a whole number" : "a whole number of " + unit;
            return new InvalidInputException(field, value, ("is not " + what + " from 1 to " + max + " " + hint).strip());
        }
    }
}
