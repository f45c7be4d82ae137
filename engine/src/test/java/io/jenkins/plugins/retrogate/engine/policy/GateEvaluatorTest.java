package io.jenkins.plugins.retrogate.engine.policy;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.MITIGATIVE;
import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P1;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P2;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
    private final Scenario scenario = new Scenario();

    @Test
    void allowsProductionWhenNothingIsOpen() {
        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.message()).startsWith("ALLOW: checkout-api → production");
    }

    @Test
    void blocksProductionWhilePreventativeP0IsOpen() {
        Incident incident = scenario.rollback("checkout-api");
        ActionItem p0 = scenario.item(incident, P0, PREVENTATIVE, "PAY-12");

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.blockingItems()).extracting(ActionItem::id).containsExactly(p0.id());
        assertThat(decision.message()).contains("BLOCK", p0.id(), "PAY-12", "team-payments");
    }

    @Test
    void otherServicesAndNonProductionEnvironmentsAreNotBlocked() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);

        assertThat(scenario.decide("search-api", "production").decision()).isEqualTo(Decision.ALLOW);
        GateDecision staging = scenario.decide("checkout-api", "staging");
        assertThat(staging.decision()).isEqualTo(Decision.ALLOW);
        assertThat(staging.mode()).isEqualTo(GateMode.OFF);
    }

    @Test
    void defaultProductionPatternsMatchCaseInsensitively() {
        GatePolicy policy = GatePolicy.defaults();

        assertThat(List.of("production", "PROD", "prod-eu", "eu-prod")).allMatch(policy::isProduction);
        assertThat(List.of("staging", "preprod", "production-test", "dev")).noneMatch(policy::isProduction);
    }

    @Test
    void itemForEveryServiceBlocksEveryService() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.tick();
        scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Freeze config pushes", P0,
                PREVENTATIVE, "sre", null, List.of("*"), null));

        assertThat(scenario.decide("search-api", "prod-eu").decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void itemNamingTheServiceAndEveryServiceIsListedOnce() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.tick();
        ActionItem item = scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Pin versions", P0,
                PREVENTATIVE, "sre", null, List.of("checkout-api", "*"), null));

        assertThat(scenario.decide("checkout-api", "production").blockingItems()).containsExactly(item);
    }

    @Test
    void openP1PreventativeWarnsAndMitigativeP0DoesNotBlock() {
        Incident incident = scenario.rollback("checkout-api");
        ActionItem p1 = scenario.item(incident, P1, PREVENTATIVE, null);
        scenario.item(incident, P0, MITIGATIVE, null);
        scenario.item(incident, P2, PREVENTATIVE, null);

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.WARN);
        assertThat(decision.findings(Finding.Kind.WARNING)).extracting(Finding::subject).containsExactly(p1.id());
    }

    @Test
    void warnModeTurnsABlockIntoAWarning() {
        scenario.policy = GatePolicy.builder().productionMode(GateMode.WARN).build();
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.WARN);
        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void deploymentCarryingTheFixPassesAndSaysSo() {
        Incident incident = scenario.rollback("checkout-api");
        ActionItem p0 = scenario.item(incident, P0, PREVENTATIVE, "PAY-12");

        GateDecision byTicket = scenario.decide("checkout-api", "production", "pay-12");
        GateDecision byId = scenario.decide("checkout-api", "production", p0.id());

        assertThat(byTicket.decision()).isEqualTo(Decision.ALLOW);
        assertThat(byTicket.findings(Finding.Kind.CARRIES_FIX)).extracting(Finding::subject).containsExactly(p0.id());
        assertThat(byTicket.message()).contains("carries the fix");
        assertThat(byId.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void pipelineMayAskForAStricterModeButNotAWeakerOne() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);

        GateDecision weaker = scenario.gate.evaluate(scenario.request("checkout-api", "production", GateMode.OFF));
        GateDecision stricter = scenario.gate.evaluate(scenario.request("checkout-api", "staging", GateMode.BLOCK));

        assertThat(weaker.decision()).isEqualTo(Decision.BLOCK);
        assertThat(weaker.rules()).anyMatch(rule -> rule.contains("ignored"));
        assertThat(stricter.decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void administratorCanAllowPipelinesToWeakenTheMode() {
        scenario.policy = GatePolicy.builder().allowWeakerPipelineMode(true).build();
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);

        GateDecision decision = scenario.gate.evaluate(scenario.request("checkout-api", "production", GateMode.WARN));

        assertThat(decision.decision()).isEqualTo(Decision.WARN);
    }

    @Test
    void serviceRuleWinsOverFolderRuleAndTheDefault() {
        scenario.policy = GatePolicy.builder().rules(List.of(
                new PolicyRule(PolicyRule.Scope.FOLDER, Glob.parse("folder", "payments/*"), GateMode.OFF),
                new PolicyRule(PolicyRule.Scope.SERVICE, Glob.parse("service", "legacy-*"), GateMode.WARN))).build();
        Incident legacy = scenario.rollback("legacy-billing");
        scenario.item(legacy, P0, PREVENTATIVE, null);
        Incident checkout = scenario.rollback("checkout-api");
        scenario.item(checkout, P0, PREVENTATIVE, null);

        GateDecision legacyInPayments = scenario.gate.evaluate(GateRequest.of("legacy-billing", "production",
                "payments/deploy", null, "alice", List.of(), null, scenario.clock.instant()));
        GateDecision checkoutInPayments = scenario.gate.evaluate(GateRequest.of("checkout-api", "production",
                "payments/deploy", null, "alice", List.of(), null, scenario.clock.instant()));
        GateDecision checkoutElsewhere = scenario.decide("checkout-api", "production");

        assertThat(legacyInPayments.decision()).isEqualTo(Decision.WARN);
        assertThat(checkoutInPayments.decision()).isEqualTo(Decision.ALLOW);
        assertThat(checkoutInPayments.mode()).isEqualTo(GateMode.OFF);
        assertThat(checkoutElsewhere.decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void overdueItemWarns() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.tick();
        ActionItem item = scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Add alert", P2,
                MITIGATIVE, "sre", null, null, LocalDate.parse("2026-11-01")));

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.WARN);
        assertThat(decision.findings(Finding.Kind.OVERDUE)).extracting(Finding::subject).containsExactly(item.id());
        assertThat(decision.message()).contains("overdue since 2026-11-01");
    }

    @Test
    void resolvedButUnverifiedP0IsShownWithoutChangingTheDecision() {
        Incident incident = scenario.rollback("checkout-api");
        ActionItem p0 = scenario.resolve(scenario.item(incident, P0, PREVENTATIVE, null));

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.findings(Finding.Kind.UNVERIFIED)).extracting(Finding::subject).containsExactly(p0.id());
    }

    @Test
    void postRollbackFreezeBlocksUntilTheIncidentHasAnItem() {
        scenario.policy = GatePolicy.builder().postRollbackFreeze(true).build();
        Incident incident = scenario.rollback("checkout-api");

        GateDecision frozen = scenario.decide("checkout-api", "production");
        scenario.item(incident, P2, MITIGATIVE, null);
        GateDecision thawed = scenario.decide("checkout-api", "production");

        assertThat(frozen.decision()).isEqualTo(Decision.BLOCK);
        assertThat(frozen.findings(Finding.Kind.FREEZE)).extracting(Finding::subject).containsExactly(incident.id());
        assertThat(thawed.decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void postRollbackFreezeEndsWhenTheIncidentIsReviewed() {
        scenario.policy = GatePolicy.builder().postRollbackFreeze(true).requireRetroReadiness(false).build();
        Incident incident = scenario.rollback("checkout-api");

        scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id()).withStatus(IncidentStatus.REVIEWED));

        assertThat(scenario.decide("checkout-api", "production").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void approvedWindowOverrideLetsABlockedDeploymentThroughUntilItExpires() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);
        scenario.gate.approveOverride(Scenario.RELEASE_MANAGER,
                new OverrideGrant("checkout-api", "production", null, "hotfix for outage", Duration.ofHours(2)));

        GateDecision during = scenario.decide("checkout-api", "production");
        scenario.clock.advance(Duration.ofHours(2));
        GateDecision after = scenario.decide("checkout-api", "production");

        assertThat(during.decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(during.override().approvedBy()).isEqualTo("rita");
        assertThat(during.message()).contains("OVERRIDDEN", "rita", "hotfix for outage");
        assertThat(after.decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void buildOverrideCoversOnlyThatBuild() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);
        scenario.gate.approveOverride(Scenario.RELEASE_MANAGER,
                new OverrideGrant("checkout-api", "production", "https://ci/job/deploy/7/", "known risk", null));

        GateDecision same = scenario.decide("checkout-api", "production");
        GateDecision other = scenario.gate.evaluate(GateRequest.of("checkout-api", "production", null,
                "https://ci/job/deploy/8/", "alice", List.of(), null, scenario.clock.instant()));

        assertThat(same.decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(other.decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void sameInputGivesTheSameDecision() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, "PAY-1");
        scenario.item(incident, P1, PREVENTATIVE, "PAY-2");
        GateRequest request = scenario.request("checkout-api", "production");

        GateDecision first = GateEvaluator.evaluate(scenario.store.state(), scenario.policy, request);
        GateDecision second = GateEvaluator.evaluate(scenario.store.state(), scenario.policy, request);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aBlockListsOnlyWhatBlocksUnderBlockedAndTheRestForInformation() {
        Incident incident = scenario.rollback("checkout-api");
        ActionItem p0 = scenario.item(incident, P0, PREVENTATIVE, "PAY-12");
        ActionItem p1 = scenario.item(incident, P1, PREVENTATIVE, "PAY-13");

        String message = scenario.decide("checkout-api", "production").message();

        String blocked = message.substring(0, message.indexOf("For information"));
        String information = message.substring(message.indexOf("For information"));
        assertThat(blocked).contains(p0.id()).doesNotContain(p1.id());
        assertThat(information).startsWith("For information (these do not block):").contains(p1.id());
    }

    @Test
    void aWeakerModeAskedByThePipelineIsSaidToBeIgnored() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);

        GateDecision decision = GateEvaluator.evaluate(scenario.store.state(), GatePolicy.defaults(),
                scenario.request("checkout-api", "production", GateMode.WARN));

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.message()).contains("Note: pipeline asked for WARN, ignored: policy allows only stricter modes");
    }
}
