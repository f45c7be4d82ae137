package io.jenkins.plugins.retrogate.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's tracker section: a failed or stale tracker is a warning in every format; none configured, no section. */
class ReportTrackersTest {
    private final Scenario s = new Scenario();
    private final Instant now = s.clock.instant();
    private final Duration staleAfter = Duration.ofMinutes(30);

    private Report report(List<TrackerStatus> trackers) {
        return ReportBuilder.build(s.store.state(), List.of(), now, 7, null).withTrackers(trackers);
    }

    @Test
    void aTrackerWhoseLastSyncFailedIsAWarningInTextJsonAndHtml() {
        TrackerHealth health = TrackerHealth.never().succeeded(now.minus(Duration.ofMinutes(10)))
                .failed(now.minusSeconds(60), "Jira POST /rest/api/3/search/jql answered HTTP 503 <after 4 attempts>");
        Report report = report(List.of(health.status("Jira", now, staleAfter)));

        assertThat(report.trackers().get(0).failing()).isTrue();
        assertThat(report.trackers().get(0).stale()).isFalse();
        assertThat(ReportText.write(report)).contains("Trackers:", "WARNING: Jira tracker data is 10 minutes old;"
                + " last sync failed 60 seconds ago", "rest on the last known state");
        var json = ReportJson.write(report);
        assertThat(json.at("/trackers/0/tracker").asText()).isEqualTo("Jira");
        assertThat(json.at("/trackers/0/warning").asBoolean()).isTrue();
        assertThat(json.at("/trackers/0/lastError").asText()).contains("HTTP 503");
        assertThat(json.at("/trackers/0/lastSuccessAt").asText()).isEqualTo(now.minus(Duration.ofMinutes(10)).toString());
        assertThat(ReportHtml.write(report)).contains("<h2>Trackers</h2>", "<p class=\"warning\">WARNING: Jira",
                "&lt;after 4 attempts&gt;");
    }

    @Test
    void staleDataWarnsAndFreshDataIsAPlainLine() {
        TrackerHealth old = TrackerHealth.never().succeeded(now.minus(Duration.ofHours(3)));
        TrackerHealth fresh = TrackerHealth.never().succeeded(now.minus(Duration.ofMinutes(5)));
        Report report = report(List.of(old.status("Jira", now, staleAfter),
                fresh.status("GitHub", now, staleAfter)));

        assertThat(ReportText.write(report)).contains("WARNING: Jira tracker data is 3 hours old",
                "  GitHub: tracker data is 5 minutes old");
        assertThat(ReportJson.write(report).at("/trackers/1/warning").asBoolean()).isFalse();
    }

    @Test
    void withoutTrackersThereIsNoSectionAndAnEmptyJsonList() {
        Report report = ReportBuilder.build(s.store.state(), List.of(), now, 7, null);

        assertThat(report.trackers()).isEmpty();
        assertThat(ReportText.write(report)).doesNotContain("Trackers");
        assertThat(ReportHtml.write(report)).doesNotContain("Trackers");
        assertThat(ReportJson.write(report).get("trackers")).isEmpty();
    }

    @Test
    void theTextReportsHeaderSaysItsPeriodInTheReadersZoneInWords() {
        Report report = ReportBuilder.build(s.store.state(), List.of(), Instant.parse("2026-12-03T09:58:37Z"), 30,
                "checkout-api");

        assertThat(ReportText.write(report, java.time.ZoneId.of("Europe/Paris"))).startsWith(
                "Retro Gate report for checkout-api: the 30 days from Tue 3 Nov 2026, 10:58 to Thu 3 Dec 2026, 10:58"
                        + " (Europe/Paris)\n");
        assertThat(ReportText.write(report)).startsWith("Retro Gate report for checkout-api: the 30 days from"
                + " Tue 3 Nov 2026, 09:58 to Thu 3 Dec 2026, 09:58 (UTC)\n");
    }
}
