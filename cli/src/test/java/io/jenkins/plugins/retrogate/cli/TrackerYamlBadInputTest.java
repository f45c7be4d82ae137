package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A wrong tracker.yaml stops {@code tracker sync} with exit 2, names the field, and changes no file. */
class TrackerYamlBadInputTest {
    private static final String JIRA = "kind: jira-cloud\nurl: https://acme.atlassian.net\nproject: PAY\nuser: ops@acme.com\n";
    @TempDir
    Path home;

    static Stream<Arguments> badYaml() {
        return Stream.of(
                bad("kind 'jira' is not one of jira-cloud, jira-data-center, github", "kind: jira\nurl: https://x\nproject: PAY\n"),
                bad("kind is missing", "url: https://acme.atlassian.net\nproject: PAY\n"),
                bad("project is missing", "kind: jira-cloud\nurl: https://acme.atlassian.net\nuser: a@b.c\n"),
                bad("url is missing", "kind: jira-data-center\nproject: PAY\n"),
                bad("project 'PAY X' is not a Jira project key", "kind: jira-data-center\nurl: https://j\nproject: pay x\n"),
                bad("url 'ftp://acme' must be an http(s) URL", "kind: jira-data-center\nurl: ftp://acme\nproject: PAY\n"),
                bad("user is missing: Jira Cloud", "kind: jira-cloud\nurl: https://acme.atlassian.net\nproject: PAY\n"),
                bad("projct is not a field of tracker.yaml", JIRA + "projct: PAY\n"),
                bad("staleAfter 'soon' is not a positive duration", JIRA + "staleAfter: soon\n"),
                bad("fileTickets 'yes please' is not one of true, false", JIRA + "fileTickets: yes please\n"),
                bad("attempts '0' is not a whole number from 1 to 10", JIRA + "attempts: 0\n"),
                bad("tokenVariable 'MY TOKEN' is not an environment variable name", JIRA + "tokenVariable: MY TOKEN\n"),
                bad("doneStatuses must be a list", JIRA + "doneStatuses: {a: b}\n"),
                bad("repository is missing: fileTickets needs", "kind: github\nfileTickets: true\n"),
                bad("repository 'not-a-repo'", "kind: github\nrepository: not-a-repo\n"),
                bad("doneStatuses is a Jira setting", "kind: github\nrepository: acme/shop\ndoneStatuses: [Done]\n"),
                bad("trackers[1].kind 'jira-data-center' is a second Jira tracker", "trackers:\n  - kind: jira-data-center\n    url: https://a\n    project: A\n"
                        + "  - kind: jira-data-center\n    url: https://b\n    project: B\n"),
                bad("fileTickets 'true' is set for more than one tracker", "trackers:\n  - kind: jira-data-center\n    url: https://a\n"
                        + "    project: A\n    fileTickets: true\n  - kind: github\n    repository: acme/shop\n    fileTickets: true\n"),
                bad("trackers[0].url", "trackers:\n  - kind: github\n    url: not a url\n"),
                bad("staleAfter and staleAfterMinutes are both set", JIRA + "staleAfter: 1h\nstaleAfterMinutes: 60\n"),
                bad("staleAfterMinutes '0' is not a whole number", JIRA + "staleAfterMinutes: 0\n"),
                bad("priorities 'P7' is not one of P0, P1, P2", JIRA + "priorities: {P7: Highest}\n"),
                bad("priorities 'Highest' is not like P0=Highest", JIRA + "priorities: Highest\n"),
                bad("repository and project are both set", "kind: github\nrepository: a/b\nproject: a/c\n"),
                bad("is not valid YAML", "kind: [jira\n"));
    }

    private static Arguments bad(String expected, String yaml) {
        return Arguments.of(expected, yaml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badYaml")
    void badTrackerYamlExitsTwoNamingTheFieldAndChangesNothing(String expected, String yaml) throws IOException {
        Cli cli = new Cli(home);
        cli.incidentWithItems();
        cli.variables.put("RETRO_GATE_TRACKER_TOKEN", "t0ken");
        Files.writeString(home.resolve("tracker.yaml"), yaml, StandardCharsets.UTF_8);
        Map<String, String> before = cli.fingerprint();

        Cli.Result result = cli.run("tracker", "sync");
        Cli.Result json = cli.run("--json", "tracker", "sync");

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("tracker.yaml", expected).contains("Nothing was changed.");
        assertThat(json.json().at("/error/kind").asText()).isEqualTo("invalid-input");
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    void aTokenWrittenIntoTrackerYamlIsRefusedWithoutEchoingIt() throws IOException {
        Cli cli = new Cli(home);
        cli.variables.put("RETRO_GATE_TRACKER_TOKEN", "t0ken");
        Files.writeString(home.resolve("tracker.yaml"), JIRA + "token: hunter2-very-secret\n", StandardCharsets.UTF_8);

        Cli.Result result = cli.run("tracker", "sync");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("token: a token is never read from tracker.yaml", "RETRO_GATE_TRACKER_TOKEN")
                .doesNotContain("hunter2");
        assertThat(result.out()).doesNotContain("hunter2");
    }

    @Test
    void theJenkinsConfigurationsFormsAreAccepted() throws IOException {
        Cli cli = new Cli(home);
        Files.writeString(home.resolve("tracker.yaml"), "staleAfterMinutes: 45\ntrackers:\n"
                + "  - kind: jira-data-center\n    url: https://jira.acme.com\n    project: PAY\n"
                + "    priorities: \"P0=Blocker, P1=Critical\"\n    labels: \"retro-gate, ops\"\n"
                + "  - kind: github\n    project: acme/shop\n    priorities: {P0: urgent}\n", StandardCharsets.UTF_8);

        Cli.Result status = cli.run("--json", "tracker", "status");

        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.json().get("staleAfter").asText()).isEqualTo("PT45M");
    }

    @Test
    void bothTrackersAndTheirOwnTokenVariablesAreAccepted() throws IOException {
        Cli cli = new Cli(home);
        Files.writeString(home.resolve("tracker.yaml"), "staleAfter: 2h\ntrackers:\n"
                + "  - kind: jira-data-center\n    url: https://jira.acme.com/jira\n    project: PAY\n"
                + "    doneStatuses: [Released]\n  - kind: github\n    repository: acme/shop\n"
                + "    tokenVariable: GH_TOKEN\n    fileTickets: true\n", StandardCharsets.UTF_8);

        Cli.Result status = cli.run("--json", "tracker", "status");

        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.json().get("staleAfter").asText()).isEqualTo("PT2H");
        assertThat(status.json().get("trackers")).hasSize(2);
        assertThat(status.json().at("/trackers/0/description").asText()).isEqualTo("tracker data was never synced");

        Cli.Result sync = cli.run("tracker", "sync");
        assertThat(sync.code()).isEqualTo(2);
        assertThat(sync.err()).contains("Jira token is missing", "RETRO_GATE_TRACKER_TOKEN");
        cli.variables.put("RETRO_GATE_TRACKER_TOKEN", "t0ken");
        assertThat(cli.run("tracker", "sync").err()).contains("GitHub token is missing", "GH_TOKEN",
                "trackers[1].tokenVariable");
    }
}
