package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.engine.policy.ApprovalRule;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.policy.Glob;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** N of M: an override that the policy lets take effect only with several distinct release managers. */
class ApprovalsTest {
    private static final String BUILD = "https://ci/job/deploy/7/";
    private final Scenario scenario = new Scenario();
    private final Actor rita = Actor.of("rita", Permission.OVERRIDE);
    private final Actor bob = Actor.of("bob", Permission.OVERRIDE);
    private final Actor carol = Actor.of("carol", Permission.OVERRIDE);
    private final Actor dave = Actor.of("dave", Permission.OVERRIDE);

    @BeforeEach
    void blockCheckoutAndRequireTwoApprovers() {
        scenario.item(scenario.rollback("checkout-api"), P0, PREVENTATIVE, null);
        scenario.policy = twoFor("production");
    }

    private static GatePolicy twoFor(String environment) {
        return GatePolicy.builder().approvalRules(List.of(new ApprovalRule(Glob.parse("service", "*"),
                Glob.parse("environment", environment), 2))).build();
    }

    private GateOutcome gateAs(String requester, String build) {
        return scenario.gate.gate(Actor.of(requester), GateRequest.of("checkout-api", "production", null, build,
                requester, List.of(), null, scenario.clock.instant()));
    }

    @Test
    void theOverrideTakesEffectOnlyWithTheSecondDistinctApprover() {
        String request = gateAs("rita", BUILD).request().id();

        ApprovalOutcome first = scenario.gate.approveRequest(bob, request, false, "hotfix for the outage", null);

        assertThat(first.inEffect()).isFalse();
        assertThat(first.missing()).isEqualTo(1);
        assertThat(first.summary()).isEqualTo("1 of 2 approvals (bob) for " + request
                + ": 1 more release manager must approve before the override takes effect");
        assertThat(gateAs("rita", BUILD).decision().decision()).isEqualTo(Decision.BLOCK);
        assertThat(scenario.store.state().request(request).orElseThrow().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(scenario.store.state().partialApprovals("checkout-api", "production", BUILD))
                .extracting(PartialApproval::approver).containsExactly("bob");

        ApprovalOutcome second = scenario.gate.approveRequest(carol, request, false, "agreed", null);

        OverrideApproval override = second.override();
        assertThat(second.inEffect()).isTrue();
        assertThat(override.approvers()).containsExactly("bob", "carol");
        assertThat(override.approvedBy()).isEqualTo("carol");
        assertThat(second.summary()).isEqualTo("2 of 2 approvals (bob, carol): override " + override.id()
                + " is in effect");
        assertThat(scenario.store.state().request(request).orElseThrow().status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(scenario.store.state().partialApprovals("checkout-api", "production", BUILD)).isEmpty();
        assertThat(gateAs("rita", BUILD).decision().decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(gateAs("rita", BUILD).decision().message()).contains("approved by bob, carol");
    }

    @Test
    void theSameApproverTwiceIsRefusedAndChangesNothing() {
        String request = gateAs("rita", BUILD).request().id();
        scenario.gate.approveRequest(bob, request, false, "hotfix", null);
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.approveRequest(Actor.of("BOB ", Permission.OVERRIDE), request, false,
                "hotfix, really", null))
                .isInstanceOf(RefusedException.class)
                .hasMessage("BOB already approved " + request + " (1 of 2); another release manager must approve");
        assertThat(scenario.store.state()).isSameAs(before);
    }

    @Test
    void theRequesterIsRefusedBeforeAndAfterOthersApproved() {
        String request = gateAs("rita", BUILD).request().id();
        assertThatThrownBy(() -> scenario.gate.approveRequest(rita, request, false, "mine", null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Four eyes");

        scenario.gate.approveRequest(bob, request, false, "hotfix", null);
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.approveOverride(rita,
                new OverrideGrant("checkout-api", "production", BUILD, "mine, second", null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Four eyes");
        assertThat(scenario.store.state()).isSameAs(before);
    }

    @Test
    void aDenialVoidsTheApprovalsGivenSoFar() {
        String request = gateAs("rita", BUILD).request().id();
        scenario.gate.approveRequest(bob, request, false, "hotfix", null);

        scenario.gate.denyOverride(carol, request, "not during the sale");

        assertThat(scenario.store.state().partialApprovals("checkout-api", "production", BUILD)).isEmpty();
        assertThatThrownBy(() -> scenario.gate.approveOverride(dave,
                new OverrideGrant("checkout-api", "production", BUILD, "hotfix", null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("DENIED");
    }

    @Test
    void anExpiredRequestVoidsTheWindowApprovalsThatAnsweredIt() {
        String request = gateAs("rita", BUILD).request().id();
        scenario.gate.approveRequest(bob, request, true, "release train", null);
        assertThat(scenario.store.state().partialApprovals("checkout-api", "production", null)).hasSize(1);

        scenario.gate.expireOverrideRequest(Actor.of("gate"), request);

        assertThat(scenario.store.state().partialApprovals("checkout-api", "production", null)).isEmpty();
        ApprovalOutcome after = scenario.gate.approveOverride(carol,
                new OverrideGrant("checkout-api", "production", null, "release train", null));
        assertThat(after.inEffect()).as("bob's approval no longer counts").isFalse();
        assertThat(after.approvers()).containsExactly("carol");
    }

    @Test
    void aWindowThatAnswersTheRequestClearsTheApprovalsGivenForItsBuild() {
        String request = gateAs("rita", BUILD).request().id();
        scenario.gate.approveRequest(bob, request, false, "hotfix", null);

        scenario.gate.approveOverride(carol, new OverrideGrant("checkout-api", "production", null, "train", null));
        ApprovalOutcome window = scenario.gate.approveOverride(dave,
                new OverrideGrant("checkout-api", "production", null, "train", null));

        assertThat(window.override().requestIds()).containsExactly(request);
        assertThat(scenario.store.state().partialApprovals()).as("nothing left waiting").isEmpty();
    }

    @Test
    void approvalsOlderThanTheOverrideWindowNoLongerCount() {
        scenario.gate.approveOverride(bob, new OverrideGrant("checkout-api", "production", null, "train", null));
        scenario.clock.advance(scenario.policy.maxOverrideWindow().plus(Duration.ofMinutes(1)));

        ApprovalOutcome carols = scenario.gate.approveOverride(carol,
                new OverrideGrant("checkout-api", "production", null, "train", null));
        ApprovalOutcome bobsAgain = scenario.gate.approveOverride(bob,
                new OverrideGrant("checkout-api", "production", null, "train, again", null));

        assertThat(carols.inEffect()).isFalse();
        assertThat(carols.approvers()).containsExactly("carol");
        assertThat(bobsAgain.inEffect()).isTrue();
        assertThat(bobsAgain.override().approvers()).containsExactly("carol", "bob");
    }

    @Test
    void anApproverWhoLaterRequestsTheDeploymentDoesNotCountForIt() {
        scenario.gate.approveOverride(bob, new OverrideGrant("checkout-api", "production", null, "train", null));
        gateAs("bob", BUILD);

        ApprovalOutcome carols = scenario.gate.approveOverride(carol,
                new OverrideGrant("checkout-api", "production", null, "train", null));
        ApprovalOutcome daves = scenario.gate.approveOverride(dave,
                new OverrideGrant("checkout-api", "production", null, "train", null));

        assertThat(carols.inEffect()).as("bob requested a deployment the window answers: four eyes").isFalse();
        assertThat(daves.override().approvers()).containsExactly("carol", "dave");
        assertThat(gateAs("bob", BUILD).decision().decision()).isEqualTo(Decision.OVERRIDDEN);
    }

    @Test
    void theStrictestMatchingRuleWinsAndOtherEnvironmentsNeedOne() {
        scenario.policy = GatePolicy.builder().approvalRules(List.of(
                new ApprovalRule(Glob.parse("service", "*"), Glob.parse("environment", "production"), 2),
                new ApprovalRule(Glob.parse("service", "checkout-*"), Glob.parse("environment", "*"), 3))).build();

        assertThat(scenario.policy.requiredApprovals("checkout-api", "production")).isEqualTo(3);
        assertThat(scenario.policy.requiredApprovals("search", "production")).isEqualTo(2);
        assertThat(scenario.policy.requiredApprovals("search", "staging")).isEqualTo(1);

        scenario.policy = twoFor("prod-*");
        ApprovalOutcome one = scenario.gate.approveOverride(bob,
                new OverrideGrant("checkout-api", "production", null, "train", null));
        assertThat(one.inEffect()).isTrue();
        assertThat(one.override().approvers()).containsExactly("bob");
    }
}
