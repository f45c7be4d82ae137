package io.jenkins.plugins.retrogate.engine.report;

import java.time.Instant;
import java.util.Objects;

/**
 * How fresh one tracker's data is, for the report: a tracker whose last sync failed, or whose data is
 * older than the configured staleness, is a warning, because decisions on its tickets rest on what it
 * said last.
 *
 * @param tracker             the tracker's name ({@code Jira}, {@code GitHub})
 * @param lastAttemptAt       when a sync last started, {@code null} if never
 * @param lastSuccessAt       when a sync last succeeded, {@code null} if never
 * @param lastError           the last failure's message, {@code null} after a success
 * @param lastErrorAt         when it failed
 * @param consecutiveFailures failed syncs since the last success
 * @param stale               whether the data is older than allowed (never synced counts as stale)
 * @param description         one sentence, e.g. {@code tracker data is 42 minutes old; last sync failed …}
 */
public record TrackerStatus(String tracker, Instant lastAttemptAt, Instant lastSuccessAt, String lastError,
        Instant lastErrorAt, int consecutiveFailures, boolean stale, String description) {

    public TrackerStatus {
        Objects.requireNonNull(tracker, "tracker");
        Objects.requireNonNull(description, "description");
    }

    /** Whether the last sync failed. */
    public boolean failing() {
        return lastError != null;
    }

    /** Whether the report should warn about this tracker. */
    public boolean warning() {
        return failing() || stale;
    }

    /** The line a report shows: {@code WARNING: Jira tracker data is …} or {@code Jira: tracker data is …}. */
    public String line() {
        return warning() ? "WARNING: " + tracker + " " + description
                + "; decisions on its tickets rest on the last known state" : tracker + ": " + description;
    }
}
