package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.report.TrackerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How fresh the tracker data is: when a sync last succeeded, and what the last failure said. The gate
 * never waits for a tracker; it decides on the store's state, which holds what the tracker said last.
 * This record is what lets the decision and the report say how old that is.
 *
 * @param lastAttemptAt       when a sync last started, {@code null} if never
 * @param lastSuccessAt       when a sync last completed without error, {@code null} if never
 * @param lastError           the last failure's message (no credentials in it), {@code null} after a success
 * @param lastErrorAt         when it failed
 * @param consecutiveFailures failed syncs since the last success
 */
public record TrackerHealth(Instant lastAttemptAt, Instant lastSuccessAt, String lastError, Instant lastErrorAt,
        int consecutiveFailures) {

    private static final TrackerHealth NEVER = new TrackerHealth(null, null, null, null, 0);

    /** What the report shows for tracker {@code tracker} with this health at {@code now}, stale beyond {@code staleAfter}. */
    public TrackerStatus status(String tracker, Instant now, Duration staleAfter) {
        return new TrackerStatus(tracker, lastAttemptAt, lastSuccessAt, lastError, lastErrorAt, consecutiveFailures,
                isStale(now, staleAfter), describe(now));
    }

    /** A tracker that was never synced. */
    public static TrackerHealth never() {
        return NEVER;
    }

    public TrackerHealth succeeded(Instant startedAt) {
        return new TrackerHealth(startedAt, startedAt, null, null, 0);
    }

    public TrackerHealth failed(Instant startedAt, String error) {
        return new TrackerHealth(startedAt, lastSuccessAt, error, startedAt, consecutiveFailures + 1);
    }

    /** Whether the last sync failed. */
    public boolean failing() {
        return lastError != null;
    }

    /** How old the data is at {@code now}: since the start of the last successful sync. */
    public Optional<Duration> age(Instant now) {
        return lastSuccessAt == null ? Optional.empty() : Optional.of(Duration.between(lastSuccessAt, now));
    }

    /** Whether the data is older than {@code maxAge} at {@code now} (never synced counts as stale). */
    public boolean isStale(Instant now, Duration maxAge) {
        return age(now).map(age -> age.compareTo(maxAge) > 0).orElse(true);
    }

    /**
     * One sentence for a decision, a panel or a report: {@code tracker data is 42 minutes old; last sync
     * failed 3 minutes ago: Jira POST /rest/api/3/search/jql answered HTTP 503}.
     */
    public String describe(Instant now) {
        StringBuilder text = new StringBuilder();
        Optional<Duration> age = age(now);
        text.append(age.map(a -> "tracker data is " + humane(a) + " old").orElse("tracker data was never synced"));
        if (failing()) {
            text.append("; last sync failed ").append(humane(Duration.between(lastErrorAt, now))).append(" ago");
            if (consecutiveFailures > 1) {
                text.append(" (").append(consecutiveFailures).append(" failures in a row)");
            }
            text.append(": ").append(lastError);
        }
        return text.toString();
    }

    static String humane(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 120) {
            return seconds + " seconds";
        }
        long minutes = seconds / 60;
        if (minutes < 120) {
            return minutes + " minutes";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " hours" : hours / 24 + " days";
    }
}
