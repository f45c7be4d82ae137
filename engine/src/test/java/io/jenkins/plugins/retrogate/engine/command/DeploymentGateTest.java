package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.report.Report;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A recorded deployment carries the gate decision that let it through, or says that it bypassed the gate. */
class DeploymentGateTest {
    private static final String BUILD = "https://ci/job/deploy/7/";
    private final Scenario scenario = new Scenario();
    private final Actor bob = Actor.of("bob", Permission.OVERRIDE);

    private GateOutcome gate(String service, String environment, String buildUrl) {
        scenario.tick();
        return scenario.gate.gate(Scenario.ALICE, GateRequest.of(service, environment, null, buildUrl, "alice",
                List.of(), null, scenario.clock.instant()));
    }

    private Deployment deploy(String service, String environment, String buildUrl) {
        scenario.tick();
        return scenario.gate.recordDeployment(Scenario.ALICE, new NewDeployment(GateRequest.of(service, environment,
                null, buildUrl, "alice", List.of(), null, scenario.clock.instant()), "2.0", "deploy", 7),
                Outcome.SUCCEEDED, null).deployment();
    }

    private void blockCheckout() {
        scenario.item(scenario.rollback("checkout-api"), P0, PREVENTATIVE, null);
    }

    @Test
    void aDeploymentCarriesTheDecisionTheGateRecordedForItsBuild() {
        gate("checkout-api", "production", BUILD);

        Deployment deployment = deploy("checkout-api", "production", BUILD);

        assertThat(deployment.decision()).isEqualTo(Decision.ALLOW);
        assertThat(deployment.gate()).isEqualTo(GatePassage.PASSED);
        assertThat(deployment.bypass()).isNull();
    }

    @Test
    void aDeploymentAfterAnOverriddenGateCarriesTheOverride() {
        blockCheckout();
        gate("checkout-api", "production", BUILD);
        OverrideGrant grant = new OverrideGrant("checkout-api", "production", BUILD, "hotfix", null);
        String override = scenario.gate.approveOverride(bob, grant).override().id();
        assertThat(gate("checkout-api", "production", BUILD).decision().decision()).isEqualTo(Decision.OVERRIDDEN);

        Deployment deployment = deploy("checkout-api", "production", BUILD);

        assertThat(deployment.decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(deployment.overrideId()).isEqualTo(override);
        assertThat(deployment.gate()).isEqualTo(GatePassage.PASSED);
    }

    @Test
    void anOverrideApprovedAfterTheBlockLetsTheBuildThroughWithoutAskingAgain() {
        blockCheckout();
        gate("checkout-api", "production", BUILD);
        String override = scenario.gate.approveOverride(bob,
                new OverrideGrant("checkout-api", "production", null, "release train", null)).override().id();

        Deployment deployment = deploy("checkout-api", "production", BUILD);

        assertThat(deployment.decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(deployment.overrideId()).isEqualTo(override);
        assertThat(deployment.bypassed()).isFalse();
    }

    @Test
    void aBuildTheGateBlockedWithoutAnOverrideIsRecordedAsABypass() {
        blockCheckout();
        gate("checkout-api", "production", BUILD);

        Deployment deployment = deploy("checkout-api", "production", BUILD);

        assertThat(deployment.gate()).isEqualTo(GatePassage.BYPASSED);
        assertThat(deployment.decision()).isEqualTo(Decision.BLOCK);
        assertThat(deployment.bypass()).isEqualTo("the gate blocked this build and no override was approved");
        assertThat(scenario.store.state().deployment(deployment.id()).orElseThrow().bypassed()).isTrue();
    }

    @Test
    void anOverrideApprovedByTheDeployerDoesNotCoverItsOwnDeployment() {
        blockCheckout();
        gate("checkout-api", "production", BUILD);
        scenario.gate.approveOverride(bob, new OverrideGrant("checkout-api", "production", BUILD, "hotfix", null));
        scenario.tick();

        Deployment deployment = scenario.gate.recordDeployment(bob, new NewDeployment(GateRequest.of("checkout-api",
                "production", null, BUILD, "bob", List.of(), null, scenario.clock.instant()), "2.0", null, null),
                Outcome.SUCCEEDED, null).deployment();

        assertThat(deployment.gate()).as("four eyes: bob approved it and deploys it").isEqualTo(GatePassage.BYPASSED);
    }

    @Test
    void aProductionDeploymentWhoseBuildNeverAskedIsABypass() {
        gate("checkout-api", "production", "https://ci/job/deploy/6/");
        gate("checkout-api", "staging", BUILD);
        gate("search", "production", BUILD);

        Deployment deployment = deploy("checkout-api", "production", BUILD);
        Deployment noBuild = deploy("checkout-api", "production", null);

        assertThat(deployment.gate()).isEqualTo(GatePassage.BYPASSED);
        assertThat(deployment.decision()).isNull();
        assertThat(deployment.bypass()).isEqualTo("no gate decision for this build");
        assertThat(noBuild.bypass()).startsWith("no gate decision for this build").contains("no build URL");
    }

    @Test
    void aDeploymentOutsideProductionThatNeverAskedIsUngatedNotABypass() {
        Deployment deployment = deploy("checkout-api", "staging", BUILD);

        assertThat(deployment.gate()).isEqualTo(GatePassage.UNGATED);
        assertThat(deployment.bypassed()).isFalse();
    }

    @Test
    void buildUrlsAreComparedInTheirOneForm() {
        gate("Checkout-API", "Production", "https://ci/job/deploy/7");

        assertThat(deploy("checkout-api", "production", " https://ci/job/deploy/7// ").gate())
                .isEqualTo(GatePassage.PASSED);
    }

    @Test
    void theLastDecisionForTheBuildCountsAndAskingAgainRecordsNothingNew() {
        blockCheckout();
        gate("checkout-api", "production", BUILD);
        gate("checkout-api", "production", BUILD);
        long decided = StoreDocument.events(scenario.store).stream().filter(GateDecided.class::isInstance).count();
        scenario.gate.approveOverride(bob, new OverrideGrant("checkout-api", "production", BUILD, "hotfix", null));
        gate("checkout-api", "production", BUILD);

        assertThat(decided).isEqualTo(1);
        assertThat(scenario.store.state().decisionFor("checkout-api", "production", BUILD).orElseThrow().decision())
                .isEqualTo(Decision.OVERRIDDEN);
    }

    @Test
    void theReportCountsBypassesPerServiceAndListsThem() {
        gate("checkout-api", "production", BUILD);
        deploy("checkout-api", "production", BUILD);
        deploy("checkout-api", "production", "https://ci/job/deploy/8/");
        deploy("search", "production", null);
        deploy("search", "staging", null);

        Report report = scenario.gate.report(30, null);

        assertThat(report.bypasses()).extracting(b -> b.service() + " " + b.reason()).containsExactly(
                "checkout-api no gate decision for this build",
                "search no gate decision for this build: the deployment names no build URL");
        assertThat(report.services()).extracting(s -> s.service() + " " + s.bypassed())
                .containsExactly("checkout-api 1", "search 1");
    }
}
