package io.jenkins.plugins.retrogate.engine.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerHealthTest {
    private static final Instant NOON = Instant.parse("2026-11-02T12:00:00Z");

    @Test
    void aTrackerNeverSyncedIsStaleAndSaysSo() {
        TrackerHealth never = TrackerHealth.never();

        assertThat(never.isStale(NOON, Duration.ofHours(1))).isTrue();
        assertThat(never.describe(NOON)).isEqualTo("tracker data was never synced");
    }

    @Test
    void ageCountsFromTheStartOfTheLastSuccess() {
        TrackerHealth health = TrackerHealth.never().succeeded(NOON.minus(Duration.ofMinutes(90)))
                .failed(NOON.minus(Duration.ofMinutes(30)), "Jira answered HTTP 503")
                .failed(NOON.minus(Duration.ofMinutes(10)), "Jira answered HTTP 502");

        assertThat(health.age(NOON)).contains(Duration.ofMinutes(90));
        assertThat(health.isStale(NOON, Duration.ofHours(2))).isFalse();
        assertThat(health.describe(NOON)).isEqualTo("tracker data is 90 minutes old; last sync failed 10 minutes ago "
                + "(2 failures in a row): Jira answered HTTP 502");
        assertThat(health.succeeded(NOON).describe(NOON.plusSeconds(5))).isEqualTo("tracker data is 5 seconds old");
    }

    @Test
    void overallHealthIsAsOldAsTheOldestTrackerAndAsBadAsTheLatestFailure() {
        TrackerHealth jira = TrackerHealth.never().succeeded(NOON.minus(Duration.ofHours(5)))
                .failed(NOON.minus(Duration.ofMinutes(1)), "Jira down");
        TrackerHealth github = TrackerHealth.never().succeeded(NOON.minus(Duration.ofMinutes(2)));
        TrackerSyncState state = new TrackerSyncState(TrackerSyncState.FORMAT, NOON, Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(TicketSystem.JIRA, jira, TicketSystem.GITHUB, github));

        assertThat(state.overallHealth().describe(NOON))
                .isEqualTo("tracker data is 5 hours old; last sync failed 60 seconds ago: Jira down");
    }

    @Test
    void theStateJsonIsReadStrictly() {
        assertThat(TrackerSyncState.fromJson(TrackerSyncState.empty().toJson())).isEqualTo(TrackerSyncState.empty());
        assertThatThrownBy(() -> TrackerSyncState.fromJson("{\"format\":1,\"bogus\":true}"))
                .isInstanceOf(TrackerException.class).hasMessageContaining("bogus");
        assertThatThrownBy(() -> TrackerSyncState.fromJson("{\"format\":2}"))
                .hasMessageContaining("tracker sync state format 2 is not supported; expected 1");
        assertThatThrownBy(() -> TrackerSyncState.fromJson("not json")).isInstanceOf(TrackerException.class)
                .hasMessageStartingWith("the tracker sync state is not readable");
        assertThatThrownBy(() -> TrackerSyncState.fromJson("null")).isInstanceOf(TrackerException.class)
                .hasMessage("the tracker sync state is not readable: it is JSON null, not an object");
    }
}
