package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
    }

    @Test
    void allowsWithExitZeroWhenNothingIsOpen() {
        assertThat(cli.run("init").code()).isZero();
        Cli.Result result = cli.run("gate", "--service", "checkout-api", "--environment", "production");

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("ALLOW: checkout-api → production");
    }

    @Test
    void blocksProductionWhilePreventativeP0IsOpenWithExitThreeAndTellsWhereToApprove() {
        cli.incidentWithItems();

        Cli.Result result = cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment",
                "production", "--build-url", "https://ci/job/1/");

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("BLOCK: checkout-api → production", "INC-1-A1", "Override request REQ-1",
                "override approve --service checkout-api --environment production --build-url https://ci/job/1/");
    }

    @Test
    void blockJsonHasDecisionItemsMessageRequestAndApproveCommand() {
        cli.incidentWithItems();

        Cli.Result result = cli.run("--json", "--actor", "alice", "gate", "--service", "checkout-api",
                "--environment", "production");

        assertThat(result.code()).isEqualTo(3);
        JsonNode json = result.json();
        assertThat(json.get("decision").asText()).isEqualTo("BLOCK");
        assertThat(json.get("allowed").asBoolean()).isFalse();
        assertThat(json.get("message").asText()).startsWith("BLOCK:");
        assertThat(json.get("items")).hasSize(1);
        JsonNode item = json.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo("INC-1-A1");
        assertThat(item.fieldNames()).toIterable().contains("id", "incident", "title", "priority", "type", "owner",
                "ticket", "status", "services", "createdAt", "finding", "blocks", "rule");
        assertThat(item.get("finding").asText()).isEqualTo("BLOCKING");
        assertThat(item.get("blocks").asBoolean()).isTrue();
        assertThat(json.at("/request/id").asText()).isEqualTo("REQ-1");
        assertThat(json.at("/request/requestedBy").asText()).isEqualTo("alice");
        assertThat(json.get("approve").asText()).contains("override approve");
        assertThat(json.get("findings").get(0).get("kind").asText()).isEqualTo("BLOCKING");
    }

    @Test
    void warnsWithExitZeroInWarnModeAndOutsideProductionAllows() {
        cli.incidentWithItems();
        cli.run("item", "drop", "INC-1-A1", "--reason", "superseded");
        cli.id("item", "add", "INC-1", "--title", "P1 prev", "--priority", "P1", "--type", "preventative",
                "--owner", "team");

        Cli.Result warn = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production");
        Cli.Result staging = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "staging");

        assertThat(warn.code()).isZero();
        assertThat(warn.json().get("decision").asText()).isEqualTo("WARN");
        assertThat(staging.code()).isZero();
        assertThat(staging.json().get("decision").asText()).isEqualTo("ALLOW");
        assertThat(staging.json().get("production").asBoolean()).isFalse();
    }

    @Test
    void aDeploymentCarryingTheFixPasses() {
        cli.incidentWithItems();

        Cli.Result result = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production",
                "--change-ticket", "PAY-1");

        assertThat(result.code()).isZero();
        assertThat(result.json().get("decision").asText()).isEqualTo("ALLOW");
        assertThat(result.json().get("findings").get(0).get("kind").asText()).isEqualTo("CARRIES_FIX");
    }

    @Test
    void pipelineMayAskForStricterModeOnlyUnlessThePolicyAllowsWeakerOnes() throws Exception {
        cli.incidentWithItems();

        Cli.Result off = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production",
                "--mode", "off");
        Cli.Result nonsense = cli.run("gate", "--service", "checkout-api", "--environment", "production", "--mode", "hard");

        assertThat(off.code()).as(off.toString()).isEqualTo(3);
        assertThat(off.json().get("decision").asText()).isEqualTo("BLOCK");
        assertThat(off.json().get("rules").toString()).contains("pipeline asked for OFF, ignored");
        assertThat(nonsense.code()).isEqualTo(2);
        assertThat(nonsense.err()).contains("--mode 'hard' is not one of");

        Files.writeString(cli.home.resolve("policy.yaml"), "allowWeakerPipelineMode: true\n");
        Cli.Result allowed = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production",
                "--mode", "Off");

        assertThat(allowed.code()).as(allowed.toString()).isZero();
        assertThat(allowed.json().get("decision").asText()).isEqualTo("ALLOW");
        assertThat(allowed.json().get("mode").asText()).isEqualTo("OFF");
    }

    @Test
    void overriddenIsExitZeroAndNamesTheOverride() {
        cli.incidentWithItems();
        cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production");
        assertThat(cli.run("--actor", "bob", "override", "approve", "--service", "checkout-api", "--environment",
                "production", "--reason", "hotfix", "--for", "2h").code()).isZero();

        Cli.Result result = cli.run("--json", "--actor", "alice", "gate", "--service", "checkout-api",
                "--environment", "production");

        assertThat(result.code()).isZero();
        assertThat(result.json().get("decision").asText()).isEqualTo("OVERRIDDEN");
        assertThat(result.json().at("/override/id").asText()).isEqualTo("OVR-1");
        assertThat(result.json().at("/override/approvedBy").asText()).isEqualTo("bob");
        assertThat(result.json().get("request").isNull()).isTrue();
    }

    @Test
    void invalidServiceNameIsBadInputNamingTheFlag() {
        Cli.Result result = cli.run("gate", "--service", "check out!", "--environment", "production");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--service 'check out!' is not a valid name");
    }

    @Test
    void aHomeWithoutAStoreIsRefusedNotAnsweredAllowAndIsLeftAsItWas() {
        Cli.Result result = cli.run("gate", "--service", "checkout-api", "--environment", "production");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("there is no Retro Gate store at").contains("retro-gate init");
        assertThat(result.out()).doesNotContain("ALLOW");
        assertThat(cli.run("gate", "--service", "checkout-api", "--environment", "production").code())
                .as("still no store: the refused gate created none").isEqualTo(2);
    }

    @Test
    void anEmptyHomeFlagIsRefused() {
        Cli.Result result = cli.runBare("--home", "", "gate", "--service", "checkout-api", "--environment", "production");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--home '' is empty");
    }

    @Test
    void theDocumentedCiSnippetPassesWhenTheCommitNamesNoTicket() {
        cli.run("init");

        Cli.Result result = cli.run("gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", "https://ci/job/7/", "--change-ticket", "");

        assertThat(result.code()).as(result.toString()).isZero();
    }

    @Test
    void aStaleIncidentBlocksWhenThePolicySwitchesItOnAndTheJsonSaysWhy() throws Exception {
        Files.writeString(home.resolve("policy.yaml"), "staleIncidentDays: 7\n");
        cli.id("incident", "open", "--service", "checkout-api", "--title", "Checkout slow",
                "--detected-at", Cli.START.minus(Duration.ofDays(8)).toString());

        Cli.Result text = cli.run("gate", "--service", "checkout-api", "--environment", "production");
        Cli.Result json = cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production");

        assertThat(text.code()).as(text.toString()).isEqualTo(3);
        assertThat(text.out()).contains("BLOCK: checkout-api → production",
                "stale incident: INC-1 has been OPEN for 8 days", "more than staleIncidentDays (7)");
        assertThat(json.code()).isEqualTo(3);
        assertThat(json.json().at("/findings/0/kind").asText()).isEqualTo("STALE_INCIDENT");
        assertThat(json.json().at("/findings/0/subject").asText()).isEqualTo("INC-1");
        assertThat(json.json().get("items")).isEmpty();
        assertThat(cli.run("gate", "--service", "search-api", "--environment", "production").code()).isZero();
    }
}
