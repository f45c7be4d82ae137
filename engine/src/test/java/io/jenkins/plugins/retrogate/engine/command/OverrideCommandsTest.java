package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OverrideCommandsTest {
    private static final String BUILD = "https://ci/job/deploy/7/";
    private final Scenario scenario = new Scenario();
    private final Actor ritaRequester = Actor.of("rita", Permission.OVERRIDE);
    private final Actor bob = Actor.of("bob", Permission.OVERRIDE);

    @BeforeEach
    void blockCheckout() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);
    }

    private GateOutcome gateAs(String requester) {
        return scenario.gate.gate(Actor.of(requester), io.jenkins.plugins.retrogate.engine.policy.GateRequest.of(
                "checkout-api", "production", null, BUILD, requester, java.util.List.of(), null,
                scenario.clock.instant()));
    }

    @Test
    void blockRaisesOnePendingRequestPerBuild() {
        GateOutcome first = gateAs("rita");
        GateOutcome again = gateAs("rita");

        assertThat(first.decision().decision()).isEqualTo(Decision.BLOCK);
        assertThat(first.request().status()).isEqualTo(RequestStatus.PENDING);
        assertThat(first.request().requestedBy()).isEqualTo("rita");
        assertThat(again.request().id()).isEqualTo(first.request().id());
        assertThat(scenario.store.state().requests()).hasSize(1);
    }

    @Test
    void fourEyesRefusesTheRequesterEvenWithTheOverridePermission() {
        gateAs("rita");
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.approveOverride(ritaRequester,
                new OverrideGrant("checkout-api", "production", BUILD, "I know what I do", null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Four eyes");
        assertThat(scenario.store.state()).isSameAs(before);
    }

    @Test
    void anotherReleaseManagerApprovesAndTheRequestIsClosed() {
        GateOutcome blocked = gateAs("rita");

        OverrideApproval override = scenario.gate.approveOverride(bob,
                new OverrideGrant("checkout-api", "production", BUILD, "customer deadline", null)).override();

        assertThat(override.scope()).isEqualTo(OverrideScope.BUILD);
        assertThat(override.approvedBy()).isEqualTo("bob");
        assertThat(override.requestedBy()).isEqualTo("rita");
        assertThat(override.requestIds()).containsExactly(blocked.request().id());
        assertThat(scenario.store.state().request(blocked.request().id()).orElseThrow().status())
                .isEqualTo(RequestStatus.APPROVED);
        assertThat(gateAs("rita").decision().decision()).isEqualTo(Decision.OVERRIDDEN);
    }

    @Test
    void selfApprovalIsAllowedWhenFourEyesIsSwitchedOff() {
        scenario.policy = GatePolicy.builder().fourEyes(false).build();
        gateAs("rita");

        OverrideApproval override = scenario.gate.approveOverride(ritaRequester,
                new OverrideGrant("checkout-api", "production", BUILD, "solo on call", null)).override();

        assertThat(override.approvedBy()).isEqualTo("rita");
    }

    @Test
    void approvingNeedsTheOverridePermissionAndAReason() {
        gateAs("rita");

        assertThatThrownBy(() -> scenario.gate.approveOverride(Actor.of("dave"),
                new OverrideGrant("checkout-api", "production", BUILD, "please", null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Override permission");
        assertThatThrownBy(() -> scenario.gate.approveOverride(bob,
                new OverrideGrant("checkout-api", "production", BUILD, "  ", null)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("reason");
    }

    @Test
    void windowLongerThanThePolicyMaximumIsRefused() {
        assertThatThrownBy(() -> scenario.gate.approveOverride(bob,
                new OverrideGrant("checkout-api", "production", null, "long freeze", Duration.ofHours(25))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("for 'PT25H' must be more than zero and at most the policy's override window PT24H");
    }

    @Test
    void denyingClosesTheRequestAndTheBuildStaysBlocked() {
        GateOutcome blocked = gateAs("rita");

        var denied = scenario.gate.denyOverride(bob, blocked.request().id(), "fix the canary first");

        assertThat(denied.status()).isEqualTo(RequestStatus.DENIED);
        assertThat(denied.decidedBy()).isEqualTo("bob");
        assertThat(scenario.decide("checkout-api", "production").decision()).isEqualTo(Decision.BLOCK);
        assertThatThrownBy(() -> scenario.gate.denyOverride(bob, blocked.request().id(), "again"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("already DENIED by bob");
    }

    @Test
    void expiryIsRecorded() {
        GateOutcome blocked = gateAs("rita");

        var expired = scenario.gate.expireOverrideRequest(Actor.of("gate"), blocked.request().id());

        assertThat(expired.status()).isEqualTo(RequestStatus.EXPIRED);
        assertThat(scenario.store.events(1, 100)).extracting(e -> e.event().getClass().getSimpleName())
                .contains("OverrideRequestExpired");
    }
}
