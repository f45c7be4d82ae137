package io.jenkins.plugins.retrogate.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Failure;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.jenkins.FakeJenkins;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A blocked build's override request: only release managers answer it, never the person who started
 * the build (administrators included), and every answer reaches whoever waits for it.
 */
class OverrideRequestPageTest {
    private final RetroGate engine = PageFixtures.engine();
    private final FakeJenkins jenkins = new FakeJenkins();
    private final List<String> answered = new ArrayList<>();
    private String requestId;

    @BeforeEach
    void aBuildAliceStartedIsBlocked() {
        PageFixtures.item(engine, PageFixtures.incident(engine, "checkout-api"), "Alert on checkout error rate",
                Priority.P0, ItemType.PREVENTATIVE);
        OverrideRequest request = engine.gate(Actor.of("shop/deploy#12"), GateRequest.of("checkout-api",
                "production", null, "job/shop/job/deploy/12/", "alice", List.of(), null, engine.now())).request();
        requestId = request.id();
        jenkins.withExtension(OverrideListener.class, answered::add);
    }

    @Test
    void someoneWithoutOverrideSeesNoFormsAndIsRefused() {
        jenkins.as("carol").grant(Jenkins.READ, RetroGatePermissions.MANAGE);
        OverrideRequestPage page = page();

        assertThat(page.isOverrider()).isFalse();
        assertThatThrownBy(() -> page.doApprove("hotfix", "build", null)).isInstanceOf(FakeJenkins.Refused.class);
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
        assertThat(answered).isEmpty();
    }

    @Test
    void aReleaseManagerApprovesIsRecordedAndTheWaitingPipelineIsTold() {
        jenkins.as("bob").grant(RetroGatePermissions.OVERRIDE);

        page().doApprove("hotfix for the checkout", "build", null);

        assertThat(status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(page().getStatusText()).startsWith("APPROVED by bob at ").endsWith(": hotfix for the checkout");
        assertThat(answered).containsExactly(requestId);
    }

    @Test
    void whoStartedTheBuildMayNotApproveItEvenAsAdministrator() {
        jenkins.as("alice").grant(Jenkins.ADMINISTER);

        assertThatThrownBy(() -> page().doApprove("mine", "build", null)).isInstanceOf(Failure.class)
                .hasMessageStartingWith("Four eyes: alice requested");
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
        assertThat(answered).isEmpty();
    }

    @Test
    void aWindowNeedsWholeHoursAndABadValueChangesNothing() {
        jenkins.as("bob").grant(RetroGatePermissions.OVERRIDE);

        assertThatThrownBy(() -> page().doApproveWindow("release train", "two")).isInstanceOf(Failure.class)
                .hasMessage("hours 'two' is not a whole number of hours");
        assertThat(engine.state().overrides()).isEmpty();
        assertThat(answered).isEmpty();
    }

    @Test
    void aDenialIsAnAnswerToo() {
        jenkins.as("bob").grant(RetroGatePermissions.OVERRIDE);

        page().doDeny("fix the canary first");

        assertThat(status()).isEqualTo(RequestStatus.DENIED);
        assertThat(answered).containsExactly(requestId);
    }

    private OverrideRequestPage page() {
        return PageFixtures.page(jenkins, engine).getOverride(requestId);
    }

    private RequestStatus status() {
        return engine.state().request(requestId).orElseThrow().status();
    }
}
