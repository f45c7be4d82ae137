package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blame wording hints on the texts people record, and the policy switch that refuses such text. */
class WordingHintsCommandTest {
    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
        cli.id("incident", "open", "--service", "checkout-api", "--title", "Checkout timeouts");
    }

    @Test
    void aRootCauseThatBlamesAPersonIsRecordedWithAHintOnStderrAndTheSystemsQuestion() {
        Cli.Result result = cli.run("incident", "update", "INC-1", "--root-cause",
                "Bob forgot to update the environment variables before the deploy");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Updated INC-1").doesNotContain("hint:");
        assertThat(result.err()).contains("hint: rootCause: \"Bob forgot to update the environment variables",
                "makes a person the subject of the failure",
                "Is there anything in our automation that would ensure \"update the environment variables before the deploy\"");
        assertThat(cli.run("--json", "incident", "show", "INC-1").json().get("rootCause").asText())
                .startsWith("Bob forgot");
    }

    @Test
    void theJsonOfARecordedItemCarriesItsHints() {
        Cli.Result result = cli.run("--json", "item", "add", "INC-1", "--title",
                "Stop human error in the firewall rules", "--priority", "P0", "--type", "preventative",
                "--owner", "net-team");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode hint = result.json().get("hints").get(0);
        assertThat(hint.get("field").asText()).isEqualTo("title");
        assertThat(hint.get("phrase").asText()).isEqualTo("human error");
        assertThat(hint.get("rule").asText()).isEqualTo("human-error");
        assertThat(result.err()).contains("hint: title: \"human error\"");
    }

    @Test
    void systemsFocusedTextGetsNoHint() {
        Cli.Result result = cli.run("--json", "incident", "update", "INC-1", "--root-cause",
                "The deploy script did not inject the environment variables");

        assertThat(result.code()).isZero();
        assertThat(result.err()).doesNotContain("hint:");
        assertThat(result.json().has("hints")).isFalse();
    }

    @Test
    void aPolicyThatRequiresBlameFreeTextRefusesTheRootCauseAndTheItemTitleAndChangesNothing() throws Exception {
        Files.writeString(home.resolve("policy.yaml"), "requireBlameFreeText: true\n", StandardCharsets.UTF_8);
        Map<String, String> before = cli.fingerprint();

        Cli.Result rootCause = cli.run("incident", "update", "INC-1", "--root-cause", "The on-call engineer missed the alert");
        Cli.Result title = cli.run("item", "add", "INC-1", "--title", "Careless config changes",
                "--priority", "P0", "--type", "preventative", "--owner", "sre");

        assertThat(rootCause.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rootCause.err()).contains("--root-cause 'The on-call engineer missed the alert'",
                "must be blame-free under the policy", "makes a person the subject of the failure");
        assertThat(title.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(title.err()).contains("--title 'Careless config changes'", "judges a person's care or competence");
        assertThat(cli.fingerprint()).isEqualTo(before);

        Cli.Result fine = cli.run("incident", "update", "INC-1", "--root-cause",
                "The alert paged a rotation with nobody on it");
        assertThat(fine.code()).as(fine.toString()).isZero();
    }

    @Test
    void incidentShowListsTheHintsOnWhatTheRetrospectiveRecorded() {
        cli.run("incident", "update", "INC-1", "--root-cause", "Human error in the pool settings");
        cli.id("item", "add", "INC-1", "--title", "Load-test pool settings in CI", "--priority", "P0", "--type",
                "preventative", "--owner", "payments");

        Cli.Result text = cli.run("incident", "show", "INC-1");
        JsonNode json = cli.run("--json", "incident", "show", "INC-1").json();

        assertThat(text.out()).contains("wording hints (systems, not people):",
                "rootCause: \"Human error\" names a person as the cause");
        assertThat(json.get("hints")).singleElement()
                .satisfies(hint -> assertThat(hint.get("field").asText()).isEqualTo("rootCause"));
    }
}
