package io.jenkins.plugins.retrogate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code staleIncidentDays}: an incident left OPEN (not even mitigated) too long blocks its service's deployments. */
class StaleIncidentRuleTest {
    private final Scenario scenario = new Scenario();

    @Test
    void blocksProductionWhileAnIncidentHasBeenOpenLongerThanTheSwitchSays() {
        scenario.policy = GatePolicy.builder().staleIncidentDays(7).build();
        Incident incident = scenario.rollback("checkout-api");
        scenario.clock.advance(Duration.ofDays(9));

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.STALE_INCIDENT);
        assertThat(decision.findings(Finding.Kind.STALE_INCIDENT)).extracting(Finding::subject)
                .containsExactly(incident.id());
        assertThat(decision.blockingItems()).isEmpty();
        assertThat(decision.message()).isEqualTo("BLOCK: checkout-api → production is blocked until these are fixed"
                + " or an override is approved:\n  - stale incident: " + incident.id() + " has been OPEN for 9 days"
                + " since it was detected (" + incident.detectedAt() + "), more than staleIncidentDays (7); it blocks"
                + " until the incident is MITIGATED, RESOLVED or REVIEWED");
    }

    @Test
    void doesNotBlockWhileTheIncidentIsNoOlderThanTheSwitchSays() {
        scenario.policy = GatePolicy.builder().staleIncidentDays(7).build();
        scenario.rollback("checkout-api");

        scenario.clock.advance(Duration.ofDays(7));
        GateDecision sevenDays = scenario.decide("checkout-api", "production");
        scenario.clock.advance(Duration.ofMinutes(1));
        GateDecision justOver = scenario.decide("checkout-api", "production");

        assertThat(sevenDays.decision()).isEqualTo(Decision.ALLOW);
        assertThat(sevenDays.findings()).isEmpty();
        assertThat(justOver.decision()).isEqualTo(Decision.BLOCK);
        assertThat(justOver.message()).contains("has been OPEN for 7 days since");
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"MITIGATED", "RESOLVED", "REVIEWED"})
    void anIncidentMovedOnFromOpenDoesNotBlock(IncidentStatus status) {
        scenario.policy = GatePolicy.builder().staleIncidentDays(3).requireRetroReadiness(false).build();
        Incident incident = scenario.rollback("checkout-api");
        scenario.clock.advance(Duration.ofDays(10));
        assertThat(scenario.decide("checkout-api", "production").decision()).isEqualTo(Decision.BLOCK);

        scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id()).withStatus(status));

        GateDecision decision = scenario.decide("checkout-api", "production");
        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(decision.findings()).isEmpty();
    }

    @Test
    void isOffByDefaultAndWithZero() {
        scenario.rollback("checkout-api");
        scenario.clock.advance(Duration.ofDays(300));

        // the default policy only warns that the retrospective is overdue
        assertThat(scenario.decide("checkout-api", "production").findings(Finding.Kind.STALE_INCIDENT)).isEmpty();
        assertThat(scenario.decide("checkout-api", "production").decision()).isEqualTo(Decision.WARN);
        scenario.policy = GatePolicy.builder().staleIncidentDays(0).retroDueDays(0).build();
        assertThat(scenario.decide("checkout-api", "production").decision()).isEqualTo(Decision.ALLOW);
        scenario.policy = GatePolicy.builder().staleIncidentDays(299).build();
        assertThat(scenario.decide("checkout-api", "production").decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void anApprovedOverrideLetsTheDeploymentThroughAndSaysWhy() {
        scenario.policy = GatePolicy.builder().staleIncidentDays(1).build();
        Incident incident = scenario.rollback("checkout-api");
        scenario.clock.advance(Duration.ofDays(2));
        scenario.gate.approveOverride(Scenario.RELEASE_MANAGER,
                new OverrideGrant("checkout-api", "production", null, "mitigation is in this release", Duration.ofHours(1)));

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(decision.message()).contains("mitigation is in this release", "stale incident: " + incident.id());
    }

    @Test
    void blocksOnlyTheIncidentsServicesAndWarnsInWarnMode() {
        scenario.policy = GatePolicy.builder().staleIncidentDays(2).rules(List.of(
                new PolicyRule(PolicyRule.Scope.SERVICE, Glob.parse("rules", "legacy-*"), GateMode.WARN))).build();
        scenario.rollback("checkout-api");
        scenario.rollback("legacy-billing");
        scenario.clock.advance(Duration.ofDays(3));

        assertThat(scenario.decide("checkout-api", "production").decision()).isEqualTo(Decision.BLOCK);
        assertThat(scenario.decide("search-api", "production").decision()).isEqualTo(Decision.ALLOW);
        assertThat(scenario.decide("legacy-billing", "production").decision()).isEqualTo(Decision.WARN);
        assertThat(scenario.decide("checkout-api", "staging").decision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void countsFromWhenTheIncidentWasDetectedAndCoversIncidentsOpenedByHand() {
        scenario.policy = GatePolicy.builder().staleIncidentDays(5).build();
        Incident incident = scenario.gate.openIncident(Scenario.ALICE, new NewIncident("Checkout slow since Monday",
                null, List.of("checkout-api"), null, scenario.clock.instant().minus(Duration.ofDays(6))));

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.findings(Finding.Kind.STALE_INCIDENT)).extracting(Finding::subject)
                .containsExactly(incident.id());
    }

    @Test
    void aNewerIncidentOpenedByHandDoesNotHideAStaleRollbackIncident() {
        scenario.policy = GatePolicy.builder().staleIncidentDays(5).build();
        Incident rolledBack = scenario.rollback("checkout-api");
        scenario.clock.advance(Duration.ofDays(6));
        Incident newer = scenario.gate.openIncident(Scenario.ALICE,
                new NewIncident("Checkout errors again", null, List.of("checkout-api"), null, null));

        GateDecision decision = scenario.decide("checkout-api", "production");

        assertThat(scenario.store.state().openIncidentOf("checkout-api")).contains(newer);
        assertThat(decision.decision()).isEqualTo(Decision.BLOCK);
        assertThat(decision.findings(Finding.Kind.STALE_INCIDENT)).extracting(Finding::subject)
                .containsExactly(rolledBack.id());
    }

    @Test
    void theSwitchTakesZeroToAYearOfDays() {
        assertThat(GatePolicy.builder().staleIncidentDays(365).build().staleIncidentDays()).isEqualTo(365);
        assertThatThrownBy(() -> GatePolicy.builder().staleIncidentDays(-1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("staleIncidentDays '-1' must be 0 (off) or a whole number of days from 1 to 365");
        assertThatThrownBy(() -> GatePolicy.builder().staleIncidentDays(366))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("staleIncidentDays '366' must be");
    }
}
