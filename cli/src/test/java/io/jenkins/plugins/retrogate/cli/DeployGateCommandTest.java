package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deploy} prints the gate decision the deployment carries, or says plainly that it bypassed the gate. */
class DeployGateCommandTest {
    private static final String BUILD = "https://ci/job/checkout/42/";
    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void blockCheckout() {
        cli = new Cli(home);
        cli.incidentWithItems();
    }

    private Cli.Result gate(String actor) {
        return cli.run("--actor", actor, "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", BUILD);
    }

    private Cli.Result deploy(String... more) {
        String[] args = new String[] {"--actor", "alice", "deploy", "--service", "checkout-api", "--environment",
                "production", "--outcome", "succeeded", "--version", "2.0"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return cli.run(all);
    }

    @Test
    void aDeploymentOfABlockedBuildWithoutAnOverrideIsRecordedAsABypassWithExitThree() {
        assertThat(gate("alice").code()).isEqualTo(3);

        Cli.Result result = deploy("--build-url", BUILD);

        assertThat(result.code()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("Recorded DEP-2", "BYPASS",
                "the gate blocked this build and no override was approved");
        assertThat(result.err()).contains("DEP-2 is recorded as a BYPASS of the gate");
        JsonNode deployment = cli.run("--json", "deploy", "--service", "checkout-api", "--environment", "production",
                "--outcome", "failed", "--build-url", BUILD).json().get("deployment");
        assertThat(deployment.get("gate").asText()).isEqualTo("BYPASSED");
        assertThat(deployment.get("decision").asText()).isEqualTo("BLOCK");
        assertThat(deployment.get("bypass").asText()).isEqualTo("the gate blocked this build and no override was approved");
    }

    @Test
    void aDeploymentAfterAnOverriddenGateCarriesTheOverride() {
        gate("alice");
        assertThat(cli.run("--actor", "bob", "override", "approve", "--service", "checkout-api", "--environment",
                "production", "--build-url", BUILD, "--reason", "hotfix").code()).isZero();
        assertThat(gate("alice").out()).startsWith("OVERRIDDEN");

        Cli.Result result = deploy("--build-url", BUILD);

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Gate: OVERRIDDEN for build " + BUILD + " (override OVR-1)")
                .doesNotContain("BYPASS");
    }

    @Test
    void theDecisionIsInTheJsonOfTheDeployment() {
        gate("alice");
        cli.run("--actor", "bob", "override", "approve", "--service", "checkout-api", "--environment", "production",
                "--build-url", BUILD, "--reason", "hotfix");

        JsonNode deployment = cli.run("--json", "--actor", "alice", "deploy", "--service", "checkout-api",
                "--environment", "production", "--outcome", "succeeded", "--build-url", BUILD).json()
                .get("deployment");

        assertThat(deployment.get("decision").asText()).isEqualTo("OVERRIDDEN");
        assertThat(deployment.get("override").asText()).isEqualTo("OVR-1");
        assertThat(deployment.get("gate").asText()).isEqualTo("PASSED");
        assertThat(deployment.get("bypass").isNull()).isTrue();
    }

    @Test
    void aProductionDeploymentWhoseBuildNeverAskedTheGateIsABypass() {
        Cli.Result result = deploy("--build-url", "https://ci/job/checkout/43/");
        Cli.Result noBuild = deploy();

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.out()).contains("BYPASS", "no gate decision for this build");
        assertThat(noBuild.code()).isEqualTo(3);
        assertThat(noBuild.out()).contains("the deployment names no build URL");
    }

    @Test
    void aStagingDeploymentThatNeverAskedIsNotABypass() {
        Cli.Result result = cli.run("deploy", "--service", "checkout-api", "--environment", "staging",
                "--outcome", "succeeded");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("Gate: not asked (staging is not production)");
    }

    @Test
    void theReportCountsAndListsBypasses() {
        gate("alice");
        deploy("--build-url", BUILD);

        Cli.Result text = cli.run("report");
        JsonNode json = cli.run("--json", "report").json();

        // DEP-1 is the deployment the rollback of incidentWithItems recorded: made elsewhere, never gated
        assertThat(text.out()).contains("Gate bypasses (production deployments without a decision that let them"
                + " through): 2", "DEP-2 checkout-api → production 2.0", "the gate blocked this build");
        assertThat(json.get("bypassCount").asInt()).isEqualTo(2);
        assertThat(json.get("bypasses")).extracting(b -> b.get("deployment").asText()).containsExactly("DEP-1", "DEP-2");
        assertThat(json.at("/services/0/bypassed").asInt()).isEqualTo(2);
    }
}
