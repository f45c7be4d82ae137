package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.retrogate.engine.config.StoreLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracker sync} and {@code tracker status} against a local Jira, and what gate and report say about it. */
class TrackerCommandTest {
    static final String TOKEN = "tok-9f8e7d6c5b4a-secret";
    @TempDir
    Path home;
    Cli cli;
    FakeJira jira;

    @BeforeEach
    void setUp() throws IOException {
        cli = new Cli(home);
        jira = new FakeJira();
        cli.variables.put("RETRO_GATE_TRACKER_TOKEN", TOKEN);
    }

    @AfterEach
    void tearDown() {
        jira.close();
    }

    void trackerYaml(String extra) throws IOException {
        Files.writeString(home.resolve("tracker.yaml"), "kind: jira-cloud\nurl: " + jira.url()
                + "\nproject: PAY\nuser: ops@acme.com\nattempts: 1\n" + extra, StandardCharsets.UTF_8);
    }

    @Test
    void anItemWhoseTicketIsDoneIsResolvedAndASecondSyncChangesNothingMore() throws IOException {
        cli.incidentWithItems();
        trackerYaml("");
        jira.ticket("PAY-1", "Done", "done", "Done", "2026-11-20T09:30:00.000+0000");

        Cli.Result first = cli.run("tracker", "sync");

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.out()).contains("tracker sync: 0 filed, 1 resolved");
        JsonNode item = cli.run("--json", "item", "show", "INC-1-A1").json();
        assertThat(item.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(item.get("resolution").asText()).isEqualTo("TRACKER");
        assertThat(item.get("resolvedBy").asText()).isEqualTo("tracker");
        assertThat(item.get("fix").asText()).contains("PAY-1 Done");
        assertThat(home.resolve("tracker-sync.json")).exists();
        assertThat(jira.searches).hasSize(1);
        assertThat(jira.searches.get(0).get("jql").asText()).isEqualTo("key in (\"PAY-1\")");

        Map<String, String> before = journal(cli.fingerprint());
        Cli.Result second = cli.run("--json", "tracker", "sync");

        assertThat(second.code()).as(second.toString()).isZero();
        JsonNode json = second.json();
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        assertThat(json.get("resolved")).isEmpty();
        assertThat(json.get("created")).isEmpty();
        assertThat(json.get("errors").size()).isZero();
        assertThat(json.at("/trackers/0/tracker").asText()).isEqualTo("Jira");
        assertThat(json.at("/trackers/0/failing").asBoolean()).isFalse();
        assertThat(journal(cli.fingerprint())).isEqualTo(before);
    }

    @Test
    void withFileTicketsAnItemWithoutATicketGetsOneFiledOnceAndLinked() throws IOException {
        cli.incidentWithItems();
        trackerYaml("fileTickets: true\nincidentUrl: https://ci.acme.com/retro-gate/incident/{id}/\n");
        jira.ticket("PAY-1", "To Do", "new", null, "2026-11-20T09:30:00.000+0000");

        Cli.Result first = cli.run("--json", "tracker", "sync");
        Cli.Result second = cli.run("--json", "tracker", "sync");

        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(first.json().get("created").get(0).asText()).isEqualTo("INC-1-A2");
        assertThat(second.json().get("created")).isEmpty();
        assertThat(jira.created).hasSize(1);
        JsonNode fields = jira.created.get(0).get("fields");
        assertThat(fields.at("/project/key").asText()).isEqualTo("PAY");
        assertThat(fields.get("summary").asText()).isEqualTo("[INC-1-A2] Alert");
        assertThat(fields.get("description").toString()).contains("https://ci.acme.com/retro-gate/incident/INC-1/");
        assertThat(cli.run("--json", "item", "show", "INC-1-A2").json().at("/ticket/key").asText()).isEqualTo("PAY-50");
    }

    @Test
    void aTicketStillInProgressLeavesTheItemOpenAndTheGateBlocking() throws IOException {
        cli.incidentWithItems();
        trackerYaml("");
        jira.ticket("PAY-1", "In Progress", "indeterminate", null, "2026-11-20T09:30:00.000+0000");

        assertThat(cli.run("tracker", "sync").code()).isZero();

        assertThat(cli.run("--json", "item", "show", "INC-1-A1").json().get("status").asText()).isEqualTo("OPEN");
        Cli.Result gate = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production");
        assertThat(gate.code()).isEqualTo(3);
        assertThat(gate.json().at("/tracker/notice").isNull()).as("fresh data: no notice").isTrue();
        assertThat(gate.json().at("/tracker/trackers/0/stale").asBoolean()).isFalse();
    }

    @Test
    void theTokenNeverAppearsInOutputOrStateEvenWhenJiraRefusesIt() throws IOException {
        cli.incidentWithItems();
        trackerYaml("");
        jira.failWith = 401;
        String encoded = Base64.getEncoder().encodeToString(("ops@acme.com:" + TOKEN).getBytes(StandardCharsets.UTF_8));

        Cli.Result text = cli.run("tracker", "sync");
        Cli.Result json = cli.run("--json", "tracker", "sync");
        Cli.Result status = cli.run("--json", "tracker", "status");

        assertThat(text.code()).as(text.toString()).isEqualTo(1);
        assertThat(text.err()).contains("Jira failed", "refused the credentials");
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.json().at("/errors/JIRA").asText()).contains("refused the credentials");
        String state = Files.readString(home.resolve("tracker-sync.json"));
        for (String shown : new String[] {text.out(), text.err(), json.out(), json.err(), status.out(), status.err(),
                state}) {
            assertThat(shown).doesNotContain(TOKEN).doesNotContain(encoded);
        }
        assertThat(jira.requests).isNotEmpty();
    }

    @Test
    void aMissingTokenIsBadInputNamingTheVariableAndChangesNothing() throws IOException {
        cli.incidentWithItems();
        trackerYaml("");
        cli.variables.remove("RETRO_GATE_TRACKER_TOKEN");
        Map<String, String> before = cli.fingerprint();

        Cli.Result result = cli.run("tracker", "sync");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("RETRO_GATE_TRACKER_TOKEN", "never read from a file or a flag");
        assertThat(cli.fingerprint()).isEqualTo(before);
        assertThat(jira.requests).isEmpty();
    }

    @Test
    void anOutageFailsTheSyncSavesTheHealthAndTheGateAndReportSaySo() throws IOException {
        cli.incidentWithItems();
        trackerYaml("staleAfter: 30m\n");
        jira.ticket("PAY-1", "In Progress", "indeterminate", null, "2026-11-20T09:30:00.000+0000");
        assertThat(cli.run("tracker", "sync").code()).isZero();
        jira.failWith = 503;
        cli.clock.advance(Duration.ofMinutes(45));

        Cli.Result sync = cli.run("tracker", "sync");

        assertThat(sync.code()).as(sync.toString()).isEqualTo(1);
        assertThat(sync.out()).contains("1 failed");
        assertThat(sync.err()).contains("Jira failed", "503", "sync state and the failure are saved");
        assertThat(cli.run("--json", "item", "show", "INC-1-A1").json().get("status").asText()).isEqualTo("OPEN");

        Cli.Result status = cli.run("tracker", "status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("Jira", "FAILING", "last sync failed", "503");
        JsonNode statusJson = cli.run("--json", "tracker", "status").json();
        assertThat(statusJson.at("/trackers/0/failing").asBoolean()).isTrue();
        assertThat(statusJson.at("/trackers/0/stale").asBoolean()).isTrue();
        assertThat(statusJson.at("/trackers/0/consecutiveFailures").asInt()).isEqualTo(1);

        Cli.Result gate = cli.run("gate", "--service", "checkout-api", "--environment", "production");
        assertThat(gate.code()).as("the outage neither blocks nor unblocks: the open P0 blocks").isEqualTo(3);
        assertThat(gate.out()).contains("Tracker data behind this decision may be out of date",
                "Jira tracker data is 45 minutes old", "INC-1-A1 (PAY-1)");
        JsonNode gateJson = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production")
                .json();
        assertThat(gateJson.at("/tracker/notice").asText()).contains("last sync failed", "503");
        assertThat(gateJson.at("/tracker/staleAfter").asText()).isEqualTo("PT30M");
        assertThat(gateJson.at("/tracker/trackers/0/failing").asBoolean()).isTrue();

        assertThat(cli.run("report").out()).contains("Trackers:", "WARNING: Jira tracker data is", "503");
        JsonNode report = cli.run("--json", "report").json();
        assertThat(report.at("/trackers/0/warning").asBoolean()).isTrue();
        assertThat(report.at("/trackers/0/lastError").asText()).contains("503");
        Path html = home.resolve("report.html");
        assertThat(cli.run("report", "--format", "html", "--out", html.toString()).code()).isZero();
        assertThat(Files.readString(html)).contains("<h2>Trackers</h2>", "class=\"warning\"");
    }

    @Test
    void aSuccessfulSyncAfterAnOutageClearsTheFailure() throws IOException {
        cli.incidentWithItems();
        trackerYaml("");
        jira.ticket("PAY-1", "Done", "done", "Done", "2026-11-20T09:30:00.000+0000");
        jira.failWith = 503;
        assertThat(cli.run("tracker", "sync").code()).isEqualTo(1);
        jira.failWith = 0;

        Cli.Result sync = cli.run("tracker", "sync");

        assertThat(sync.code()).as(sync.toString()).isZero();
        assertThat(sync.out()).contains("1 resolved");
        JsonNode status = cli.run("--json", "tracker", "status").json();
        assertThat(status.at("/trackers/0/failing").asBoolean()).isFalse();
        assertThat(status.at("/trackers/0/lastSuccessAt").isNull()).isFalse();
    }

    @Test
    void theGateJsonHasANullTrackerWithoutTrackerYamlAndStaleDataGetsANotice() throws IOException {
        cli.incidentWithItems();

        JsonNode without = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production")
                .json();
        assertThat(without.has("tracker")).isTrue();
        assertThat(without.get("tracker").isNull()).isTrue();

        trackerYaml("staleAfter: 1h\n");
        Cli.Result never = cli.run("gate", "--service", "checkout-api", "--environment", "production");
        assertThat(never.out()).contains("Jira tracker data was never synced");

        jira.ticket("PAY-1", "To Do", "new", null, "2026-11-20T09:30:00.000+0000");
        assertThat(cli.run("tracker", "sync").code()).isZero();
        assertThat(cli.run("gate", "--service", "checkout-api", "--environment", "production").out())
                .doesNotContain("Tracker data");
        cli.clock.advance(Duration.ofHours(3));
        assertThat(cli.run("gate", "--service", "checkout-api", "--environment", "production").out())
                .contains("Tracker data behind this decision may be out of date: Jira tracker data is 3 hours old");
    }

    @Test
    void aBrokenTrackerYamlDoesNotStopTheGateButItsNoticeSaysSo() throws IOException {
        cli.incidentWithItems();
        Files.writeString(home.resolve("tracker.yaml"), "kind: jira\n");

        Cli.Result gate = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production");

        assertThat(gate.code()).isEqualTo(3);
        assertThat(gate.json().at("/tracker/notice").asText()).contains("cannot be judged", "kind 'jira'");
    }

    @Test
    void statusWithoutTrackerYamlIsBadInput() {
        Cli.Result result = cli.run("tracker", "status");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("tracker.yaml");
    }

    @Test
    void anUnreadableSyncStateIsACorruptStoreAndChangesNothing() throws IOException {
        cli.incidentWithItems();
        trackerYaml("");
        Files.writeString(home.resolve("tracker-sync.json"), "{\"format\": 9}");
        Map<String, String> before = cli.fingerprint();

        Cli.Result result = cli.run("tracker", "sync");

        assertThat(result.code()).isEqualTo(5);
        assertThat(result.err()).contains("tracker-sync.json", "Deleting it is safe");
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("try") // the store is held open for its lock, never used
    void aLockedStoreIsExitFive() throws Exception {
        trackerYaml("");
        cli.run("incident", "list");
        try (var held = StoreLocation.of(home).backend(Duration.ZERO).open()) {
            Cli.Result result = cli.run("--lock-wait", "0", "tracker", "sync");
            assertThat(result.code()).as(result.toString()).isEqualTo(5);
        }
    }

    @Test
    void whileTheSyncWaitsOnATrackerThatDoesNotAnswerTheGateAndWritersAreNotKeptOut() throws Exception {
        cli.incidentWithItems();
        trackerYaml("");
        jira.ticket("PAY-1", "Done", "done", "Done", "2026-11-20T09:30:00.000+0000");
        jira.hold = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Cli.Result> sync = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> cli.run("tracker", "sync"));
        assertThat(jira.arrived.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

        Cli.Result gate = cli.run("--lock-wait", "0", "--json", "gate", "--service", "checkout-api",
                "--environment", "production");
        Cli.Result write = cli.run("--lock-wait", "0", "incident", "open", "--service", "search", "--title", "meanwhile");
        Cli.Result secondSync = cli.run("--lock-wait", "0", "tracker", "sync");

        assertThat(gate.code()).as(gate.toString()).isEqualTo(3);
        assertThat(write.code()).as(write.toString()).isZero();
        assertThat(secondSync.code()).as("one sync at a time").isEqualTo(5);
        assertThat(secondSync.err()).contains("another tracker sync is running");
        jira.hold.countDown();
        Cli.Result done = sync.get(1, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(done.code()).as(done.toString()).isZero();
        assertThat(cli.run("--json", "item", "show", "INC-1-A1").json().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(cli.run("--json", "incident", "list").json()).hasSize(2);
        assertThat(cli.run("verify").code()).isZero();
    }

    private static Map<String, String> journal(Map<String, String> fingerprint) {
        Map<String, String> files = new java.util.TreeMap<>(fingerprint);
        files.remove("tracker-sync.json");
        return files;
    }
}
