package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A step that gates and deploys ({@code retroDeploy}) does both in one command: the decision is
 * recorded and the deployment started against one state, or, when the gate does not let it
 * through, nothing is started and the override request is raised.
 */
class BeginDeploymentTest {
    private static final String BUILD = "https://ci/job/deploy/9/";
    private final Scenario scenario = new Scenario();
    private final AtomicInteger commands = new AtomicInteger();
    private final RetroGate engine = new RetroGate(new Counting(), () -> scenario.policy, scenario.clock);

    /** The scenario's store, counting the commands run on it. */
    private final class Counting implements Store {
        @Override
        public RetroState state() {
            return scenario.store.state();
        }

        @Override
        public <R> R execute(Function<RetroState, Change<R>> command) {
            commands.incrementAndGet();
            return scenario.store.execute(command);
        }

        @Override
        public List<RecordedEvent> events(long fromSequence, int limit) {
            return scenario.store.events(fromSequence, limit);
        }

        @Override
        public void close() {
        }
    }

    private BegunDeployment begin() {
        scenario.tick();
        return engine.beginDeployment(Scenario.ALICE, new NewDeployment(GateRequest.of("checkout-api", "production",
                null, BUILD, "alice", List.of(), null, scenario.clock.instant()), "2.1", "deploy", 9));
    }

    private List<Object> eventsAfter(long sequence) {
        return scenario.store.events(sequence + 1, 100).stream().map(e -> (Object) e.event()).toList();
    }

    @Test
    void anAllowedDeploymentIsDecidedAndStartedInOneCommand() {
        long before = scenario.store.state().sequence();

        BegunDeployment begun = begin();

        assertThat(begun.started()).isTrue();
        assertThat(begun.gate().decision().decision()).isEqualTo(Decision.ALLOW);
        assertThat(begun.deployment().decision()).isEqualTo(Decision.ALLOW);
        assertThat(begun.deployment().gate()).isEqualTo(GatePassage.PASSED);
        assertThat(commands).hasValue(1);
        assertThat(eventsAfter(before)).hasSize(2).satisfiesExactly(
                first -> assertThat(first).isInstanceOf(GateDecided.class),
                second -> assertThat(second).isInstanceOf(DeploymentStarted.class));
        assertThat(scenario.store.state().deployment(begun.deployment().id())).isPresent();
    }

    @Test
    void aBlockedDeploymentStartsNothingAndRaisesTheOverrideRequest() {
        scenario.item(scenario.rollback("checkout-api"), P0, PREVENTATIVE, null);
        int deploymentsBefore = scenario.store.state().deployments().size();

        BegunDeployment begun = begin();

        assertThat(begun.started()).isFalse();
        assertThat(begun.deployment()).isNull();
        assertThat(begun.gate().decision().decision()).isEqualTo(Decision.BLOCK);
        assertThat(begun.gate().request()).isNotNull();
        assertThat(scenario.store.state().deployments()).hasSize(deploymentsBefore);
        assertThat(scenario.store.state().requests()).containsKey(begun.gate().request().id());
    }

    @Test
    void withoutABuildThereIsNothingToCarryTheDecisionAndNothingIsRecorded() {
        long before = scenario.store.state().sequence();

        assertThatThrownBy(() -> engine.beginDeployment(Scenario.ALICE, new NewDeployment(GateRequest.of(
                "checkout-api", "production", null, null, "alice", List.of(), null, scenario.clock.instant()), "2.1",
                "deploy", 9))).isInstanceOf(InvalidInputException.class).hasMessageContaining("buildUrl");
        assertThat(scenario.store.state().sequence()).isEqualTo(before);
    }

    @Test
    void anOverriddenDeploymentStartsCarryingTheOverride() {
        scenario.item(scenario.rollback("checkout-api"), P0, PREVENTATIVE, null);
        String override = scenario.gate.approveOverride(Actor.of("bob", Permission.OVERRIDE),
                new OverrideGrant("checkout-api", "production", BUILD, "hotfix", null)).override().id();

        BegunDeployment begun = begin();

        assertThat(begun.started()).isTrue();
        assertThat(begun.deployment().decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(begun.deployment().overrideId()).isEqualTo(override);
    }
}
