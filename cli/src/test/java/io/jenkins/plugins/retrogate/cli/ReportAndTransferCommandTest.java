package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report, export, import, policy show and demo. */
class ReportAndTransferCommandTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void story() {
        cli = new Cli(dir.resolve("home"));
        cli.incidentWithItems();
        cli.run("deploy", "--service", "checkout-api", "--environment", "production", "--outcome", "succeeded",
                "--change-ticket", "PAY-1");
        cli.run("deploy", "--service", "checkout-api", "--environment", "production", "--outcome", "failed");
        Cli.Result early = cli.run("incident", "update", "INC-1", "--status", "reviewed");
        assertThat(early.code()).isEqualTo(ExitCode.REFUSED);
        assertThat(early.err()).contains("INC-1 cannot be REVIEWED yet", "When did the response start?",
                "Has it been seen before?").contains("Nothing was changed");
        java.time.Instant detected = java.time.Instant.parse(cli.run("--json", "incident", "show", "INC-1").json()
                .get("detectedAt").asText());
        Cli.Result reviewed = cli.run("incident", "update", "INC-1", "--response-started",
                detected.plusSeconds(1).toString(), "--not-seen-before", "--status", "reviewed");
        assertThat(reviewed.code()).as(reviewed.toString()).isZero();
        assertThat(cli.run("incident", "show", "INC-1").out()).contains("seen before:       no");
    }

    @Test
    void reportAsTextJsonAndHtml() throws Exception {
        Cli.Result text = cli.run("report");
        Cli.Result json = cli.run("--json", "report", "--service", "checkout-api");
        Path html = dir.resolve("report.html");
        Cli.Result written = cli.run("report", "--format", "html", "--out", html.toString());

        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("checkout-api", "Retrospectives", "recurrence rate");
        JsonNode report = json.json();
        assertThat(report.at("/services/0/service").asText()).isEqualTo("checkout-api");
        assertThat(report.at("/services/0/deployments").asInt()).isEqualTo(3);
        assertThat(report.at("/services/0/changeFailureRate").asDouble()).isEqualTo(0.667);
        assertThat(report.at("/retrospective/reviewed").asInt()).isEqualTo(1);
        assertThat(report.at("/retrospective/itemsVerified").asInt()).isEqualTo(1);
        assertThat(written.out()).contains("Wrote the html report");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg").doesNotContain("<script");
    }

    @Test
    void reportInHtmlOnStdoutWithJsonIsBadInput() {
        Cli.Result result = cli.run("--json", "report", "--format", "html");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.json().at("/error/message").asText()).contains("--out");
    }

    @Test
    void exportImportRoundTripGivesTheSameStore() throws Exception {
        Cli.Result exported = cli.run("--json", "export");
        JsonNode document = exported.json();
        assertThat(document.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(document.fieldNames()).toIterable()
                .contains("incidents", "items", "deployments", "overrides", "events");
        Path file = dir.resolve("export.json");
        assertThat(cli.run("export", "--out", file.toString()).out()).contains("Exported");

        Cli copy = new Cli(dir.resolve("copy"));
        Cli.Result imported = copy.run("--json", "import", file.toString());

        assertThat(imported.code()).as(imported.toString()).isZero();
        assertThat(imported.json().at("/imported/incidents").asInt()).isEqualTo(1);
        JsonNode again = copy.run("--json", "export").json();
        ((ObjectNode) again).remove("exportedAt");
        ((ObjectNode) document).remove("exportedAt");
        assertThat(again).isEqualTo(document);
        assertThat(copy.run("verify").code()).isZero();
    }

    @Test
    void importReadsStdin() {
        String document = cli.run("export").out();
        Cli copy = new Cli(dir.resolve("copy"));
        copy.stdin = document;

        assertThat(copy.run("import", "-").code()).isZero();
        assertThat(copy.run("--json", "item", "list").json()).hasSize(2);
    }

    @Test
    void importIntoANonEmptyStoreIsRefusedAndChangesNothing() throws Exception {
        Path file = dir.resolve("export.json");
        cli.run("export", "--out", file.toString());
        var before = cli.fingerprint();

        Cli.Result result = cli.run("import", file.toString());

        assertThat(result.code()).isEqualTo(4);
        assertThat(result.err()).contains("needs an empty store");
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    void importOfABadDocumentIsExitTwoNamingThePathAndCreatesNoStore() throws Exception {
        JsonNode document = cli.run("--json", "export").json();
        ((ObjectNode) document.get("items").get(0)).put("status", "OPEN");
        Path file = dir.resolve("edited.json");
        Files.writeString(file, document.toString(), StandardCharsets.UTF_8);
        Path notJson = dir.resolve("not.json");
        Files.writeString(notJson, "{\"formatVersion\": 1,", StandardCharsets.UTF_8);
        Cli copy = new Cli(dir.resolve("copy"));

        Cli.Result edited = copy.run("import", file.toString());
        Cli.Result broken = copy.run("import", notJson.toString());
        Cli.Result missing = copy.run("import", dir.resolve("nope.json").toString());

        assertThat(edited.code()).isEqualTo(2);
        assertThat(edited.err()).contains("items[0].status 'OPEN' does not match the event log, which gives VERIFIED");
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("is not JSON");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(copy.home).doesNotExist();
    }

    @Test
    void importOfAnExportEditedToVerifyAnItemNoDeploymentProvedIsRefusedNamingTheEventAndCreatesNoStore()
            throws Exception {
        ObjectNode document = (ObjectNode) cli.run("--json", "export").json();
        com.fasterxml.jackson.databind.node.ArrayNode events = (com.fasterxml.jackson.databind.node.ArrayNode)
                document.get("events");
        ObjectNode forged = events.addObject().put("event", "item-verified")
                .put("at", events.get(events.size() - 2).get("at").asText()).put("actor", "alice")
                .put("itemId", "INC-1-A2").put("deploymentId", "DEP-2");
        assertThat(forged.size()).isEqualTo(5);
        Path file = dir.resolve("forged.json");
        Files.writeString(file, document.toString(), StandardCharsets.UTF_8);
        Cli copy = new Cli(dir.resolve("copy"));

        Cli.Result result = copy.run("import", file.toString());

        int last = events.size() - 1;
        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("events[" + last + "].deploymentId 'DEP-2' (sequence " + (last + 1)
                + ", item-verified) breaks a rule of the live commands: cannot verify INC-1-A2, which is OPEN");
        assertThat(copy.home).doesNotExist();
    }

    @Test
    void policyShowPrintsDefaultsOrTheFile() throws Exception {
        Cli.Result defaults = cli.run("policy", "show");
        assertThat(defaults.out()).contains("defaults", "productionMode: \"BLOCK\"", "fourEyes: true", "staleIncidentDays: 0");

        Files.writeString(cli.home.resolve("policy.yaml"), "productionPatterns: [live]\npostRollbackFreeze: true\nstaleIncidentDays: 5\n"
                + "rules:\n  - scope: service\n    pattern: legacy-*\n    mode: warn\n", StandardCharsets.UTF_8);
        JsonNode json = cli.run("--json", "policy", "show").json();

        assertThat(json.get("source").asText()).endsWith("policy.yaml");
        assertThat(json.at("/policy/productionPatterns/0").asText()).isEqualTo("live");
        assertThat(json.at("/policy/rules/0/pattern").asText()).isEqualTo("legacy-*");
        assertThat(json.at("/policy/rules/0/scope").asText()).isEqualTo("service");
        assertThat(json.at("/policy/postRollbackFreeze").asBoolean()).isTrue();
        assertThat(json.at("/policy/staleIncidentDays").asInt()).isEqualTo(5);
        assertThat(cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production").json()
                .get("production").asBoolean()).isFalse();
    }

    @Test
    void demoTellsTheWholeStoryAndCleansUp() {
        Cli.Result result = new Cli(dir.resolve("unused")).runBare("demo");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("(exit 3)", "(exit 4)", "Four eyes", "OVERRIDDEN", "Verified INC-1-A1",
                "1 of 2 approvals (bob), 1 more needed", "2 of 2 approvals (bob, dave): override OVR-1 is in effect",
                "VERIFIED", "Retro Gate report",
                "# Retrospective: INC-1", "## Timeline", "## People to hear");
        String home = result.out().lines().findFirst().orElseThrow().replaceFirst(".*Home: ", "");
        assertThat(Path.of(home)).doesNotExist();
    }

    @Test
    void demoInJsonIsOneDocumentWithEveryStep() {
        Cli.Result result = new Cli(dir.resolve("unused")).runBare("--json", "demo", "--keep");

        JsonNode json = result.json();
        assertThat(json.get("steps").size()).isGreaterThan(10);
        assertThat(json.get("steps")).extracting(s -> s.get("exitCode").asInt()).contains(0, 3, 4);
        assertThat(Path.of(json.get("home").asText())).isDirectory();
    }
}
