package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Four eyes on every path: approvals made before the request, names as typed, drops, answered requests. */
class FourEyesTest {
    private static final String BUILD = "https://ci/job/deploy/7/";
    private final Scenario scenario = new Scenario();
    private final Actor bob = Actor.of("bob", Permission.OVERRIDE);
    private final Actor rita = Actor.of("rita", Permission.OVERRIDE);
    private ActionItem blocker;

    @BeforeEach
    void blockCheckout() {
        blocker = scenario.item(scenario.rollback("checkout-api"), P0, PREVENTATIVE, null);
    }

    private GateOutcome gate(String requester, String buildUrl) {
        return scenario.gate.gate(Actor.of(requester), GateRequest.of("checkout-api", "production", null, buildUrl,
                requester, List.of(), null, scenario.clock.instant()));
    }

    @Test
    void anOverrideApprovedInAdvanceDoesNotLetItsApproverThrough() {
        scenario.gate.approveOverride(bob, new OverrideGrant("checkout-api", "production", null, "release train", null));

        GateOutcome bobs = gate("bob", "https://ci/job/deploy/8/");
        GateOutcome ritas = gate("rita", "https://ci/job/deploy/9/");

        assertThat(bobs.decision().decision()).isEqualTo(Decision.BLOCK);
        assertThat(bobs.decision().message()).contains("not applied", "four eyes");
        assertThat(ritas.decision().decision()).isEqualTo(Decision.OVERRIDDEN);
    }

    @Test
    void aBuildOverrideApprovedBeforeTheBuildAskedStillBindsItsApprover() {
        scenario.gate.approveOverride(bob, new OverrideGrant("checkout-api", "production", BUILD, "hotfix", null));

        assertThat(gate("BOB ", BUILD).decision().decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void peopleAreComparedByOneCanonicalName() {
        GateOutcome blocked = gate("pat", BUILD);

        assertThatThrownBy(() -> scenario.gate.approveRequest(Actor.of("PAT ", Permission.OVERRIDE),
                blocked.request().id(), false, "it is fine", null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> scenario.gate.approveOverride(Actor.of("Pat", Permission.OVERRIDE),
                new OverrideGrant("checkout-api", "production", BUILD, "it is fine", null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Four eyes");
    }

    @Test
    void aBuildUrlWithAndWithoutItsTrailingSlashIsOneBuild() {
        GateOutcome first = gate("rita", "https://ci/job/deploy/7");
        GateOutcome again = gate("rita", "https://ci/job/deploy/7/");

        assertThat(again.request().id()).isEqualTo(first.request().id());
        scenario.gate.approveOverride(bob, new OverrideGrant("checkout-api", "production", "https://ci/job/deploy/7//",
                "hotfix", null));
        assertThat(gate("rita", "https://ci/job/deploy/7").decision().decision()).isEqualTo(Decision.OVERRIDDEN);
    }

    @Test
    void buildUrlsThatAreNotUrlsAreRefused() {
        assertThatThrownBy(() -> gate("rita", "javascript:alert(1)"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("buildUrl 'javascript:alert(1)' is not a build URL");
        assertThatThrownBy(() -> gate("rita", "job/a/1/\u202Eevil"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a build URL");
    }

    @Test
    void onlyAPendingRequestCanBeApproved() {
        GateOutcome blocked = gate("rita", BUILD);
        scenario.gate.denyOverride(bob, blocked.request().id(), "fix the canary first");
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.approveRequest(Actor.of("carol", Permission.OVERRIDE),
                blocked.request().id(), true, "let it through anyway", null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("already DENIED by bob");
        assertThat(scenario.store.state()).isSameAs(before);
    }

    @Test
    void approvingARequestBuildsTheOverrideFromTheRequest() {
        GateOutcome blocked = gate("rita", BUILD);

        OverrideApproval build = scenario.gate.approveRequest(bob, blocked.request().id(), false, "hotfix", null)
                .override();

        assertThat(build.scope()).isEqualTo(OverrideScope.BUILD);
        assertThat(build.buildUrl()).isEqualTo(BUILD);
        assertThat(build.requestIds()).containsExactly(blocked.request().id());
        assertThat(build.requestedBy()).isEqualTo("rita");
        assertThat(gate("rita", BUILD).decision().decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(gate("rita", "https://ci/job/deploy/8/").decision().decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void theRequesterMayNotDropTheItemThatBlocksTheirRequest() {
        gate("rita", BUILD);
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.dropItem(rita, blocker.id(), "not needed"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Four eyes").hasMessageContaining(blocker.id());
        assertThat(scenario.store.state()).isSameAs(before);
        assertThat(scenario.gate.dropItem(bob, blocker.id(), "superseded by INC-2's fix").status())
                .isEqualTo(io.jenkins.plugins.retrogate.engine.model.ItemStatus.DROPPED);
    }

    @Test
    void aBuildThatEndsClosesItsPendingRequests() {
        GateOutcome blocked = gate("rita", BUILD);
        GateOutcome other = gate("rita", "https://ci/job/deploy/8/");

        List<io.jenkins.plugins.retrogate.engine.model.OverrideRequest> closed =
                scenario.gate.closeRequestsOfBuild(Actor.of("deploy#7"), "https://ci/job/deploy/7");

        assertThat(closed).extracting(r -> r.id()).containsExactly(blocked.request().id());
        assertThat(scenario.store.state().request(blocked.request().id()).orElseThrow().status())
                .isEqualTo(RequestStatus.EXPIRED);
        assertThat(scenario.store.state().request(other.request().id()).orElseThrow().status())
                .isEqualTo(RequestStatus.PENDING);
        assertThat(scenario.gate.closeRequestsOfBuild(Actor.of("deploy#7"), BUILD)).isEmpty();
    }

    @Test
    void theRequesterMayNotResolveTheItemThatBlocksTheirRequestByHand() {
        gate("rita", BUILD);
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.resolveItem(Actor.of("Rita", Permission.MANAGE), blocker.id(), "done"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Four eyes").hasMessageContaining("resolve");
        assertThat(scenario.store.state()).isSameAs(before);
        assertThat(scenario.gate.resolveItem(Actor.of("sam", Permission.MANAGE), blocker.id(), "abc123").status())
                .isEqualTo(io.jenkins.plugins.retrogate.engine.model.ItemStatus.RESOLVED);
    }

    @Test
    void aDenialStandsForItsBuildOnEveryPath() {
        GateOutcome blocked = gate("rita", BUILD);
        scenario.gate.denyOverride(bob, blocked.request().id(), "not during the sale");
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.approveOverride(Actor.of("carol", Permission.OVERRIDE),
                new OverrideGrant("checkout-api", "production", BUILD, "go anyway", null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("DENIED by bob");
        assertThat(scenario.store.state()).isSameAs(before);
        assertThat(gate("rita", BUILD).decision().decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void aRequestWithoutABuildCannotBeApprovedForABuild() {
        GateOutcome blocked = gate("rita", null);

        assertThatThrownBy(() -> scenario.gate.approveRequest(bob, blocked.request().id(), false, "hotfix", null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("scope 'build' cannot be used");
        assertThat(scenario.store.state().overrides()).isEmpty();
    }

    @Test
    void buildUrlsAreOfTheUsualShapesAndNothingElse() {
        assertThat(io.jenkins.plugins.retrogate.engine.model.Names.buildUrl("u", "job/folder/job/name/12"))
                .isEqualTo("job/folder/job/name/12/");
        assertThat(io.jenkins.plugins.retrogate.engine.model.Names.buildUrl("u", "http://ci:8080/job/x/1/?a=b&c=d"))
                .isEqualTo("http://ci:8080/job/x/1/?a=b&c=d/");
        for (String bad : List.of("//evil.example/x", "/\\evil.example", "https:///", "data:text/html,x",
                "job/a/1/\u0085", "job/a/\u20281/", "job/a/\u200B1/", "job/a/\u061C1/")) {
            assertThatThrownBy(() -> io.jenkins.plugins.retrogate.engine.model.Names.buildUrl("buildUrl", bad))
                    .as(bad).isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a build URL")
                    .hasMessageNotContaining("\u202E");
        }
    }
}
