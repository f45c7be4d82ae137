package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.MITIGATIVE;
import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemLifecycleTest {
    private final Scenario scenario = new Scenario();
    private final Incident incident = scenario.rollback("checkout-api");

    @Test
    void newItemGuardsTheIncidentsServicesAndIsNumberedWithinIt() {
        ActionItem first = scenario.item(incident, P0, PREVENTATIVE, "PAY-12");
        ActionItem second = scenario.item(incident, P2, MITIGATIVE, null);

        assertThat(first.id()).isEqualTo(incident.id() + "-A1");
        assertThat(second.id()).isEqualTo(incident.id() + "-A2");
        assertThat(first.services()).containsExactly("checkout-api");
        assertThat(first.status()).isEqualTo(ItemStatus.OPEN);
        assertThat(first.ticket().key()).isEqualTo("PAY-12");
    }

    @Test
    void resolvingByHandRecordsWhoAndTheFixButDoesNotVerify() {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, null);

        ActionItem resolved = scenario.resolve(item);

        assertThat(resolved.status()).isEqualTo(ItemStatus.RESOLVED);
        assertThat(resolved.resolvedBy()).isEqualTo("alice");
        assertThat(resolved.fix()).isEqualTo("commit abc123");
        assertThat(resolved.resolution()).isEqualTo(Resolution.MANUAL);
    }

    @Test
    void successfulProductionDeploymentAfterResolutionVerifies() {
        ActionItem item = scenario.resolve(scenario.item(incident, P0, PREVENTATIVE, null));

        DeploymentResult result = scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED);

        assertThat(result.verified()).containsExactly(item.id());
        ActionItem verified = scenario.reload(item);
        assertThat(verified.status()).isEqualTo(ItemStatus.VERIFIED);
        assertThat(verified.verifiedBy()).isEqualTo(result.deployment().id());
    }

    @Test
    void stagingOrFailedDeploymentsDoNotVerify() {
        ActionItem item = scenario.resolve(scenario.item(incident, P0, PREVENTATIVE, null));

        scenario.deploy("checkout-api", "staging", Outcome.SUCCEEDED);
        scenario.deploy("checkout-api", "production", Outcome.FAILED);
        scenario.deploy("search-api", "production", Outcome.SUCCEEDED);

        assertThat(scenario.reload(item).status()).isEqualTo(ItemStatus.RESOLVED);
    }

    @Test
    void deploymentThatStartedBeforeTheResolutionDoesNotVerify() {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, null);
        scenario.tick();
        var running = scenario.gate.startDeployment(Scenario.ALICE,
                new NewDeployment(scenario.request("checkout-api", "production"), "1.1", null, null));
        scenario.resolve(item);

        DeploymentResult result = scenario.gate.finishDeployment(Scenario.ALICE, running.id(), Outcome.SUCCEEDED, null);

        assertThat(result.verified()).isEmpty();
        assertThat(scenario.reload(item).status()).isEqualTo(ItemStatus.RESOLVED);
    }

    @Test
    void deploymentCarryingTheFixResolvesAndVerifiesAnOpenItem() {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, "PAY-12");

        DeploymentResult result = scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED, "PAY-12");

        assertThat(result.resolved()).containsExactly(item.id());
        assertThat(result.verified()).containsExactly(item.id());
        ActionItem verified = scenario.reload(item);
        assertThat(verified.status()).isEqualTo(ItemStatus.VERIFIED);
        assertThat(verified.resolution()).isEqualTo(Resolution.DEPLOYMENT);
        assertThat(verified.fixDeployment()).isEqualTo(result.deployment().id());
    }

    @Test
    void reopeningNeedsAReasonAndAResolvedItem() {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, null);

        assertThatThrownBy(() -> scenario.gate.reopenItem(Scenario.ALICE, item.id(), "flaky"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("only a RESOLVED item");
        scenario.resolve(item);
        assertThatThrownBy(() -> scenario.gate.reopenItem(Scenario.ALICE, item.id(), " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason");

        ActionItem reopened = scenario.gate.reopenItem(Scenario.ALICE, item.id(), "the fix did not hold");

        assertThat(reopened.status()).isEqualTo(ItemStatus.OPEN);
        assertThat(reopened.note()).isEqualTo("the fix did not hold");
        assertThat(reopened.resolvedAt()).isNull();
    }

    @Test
    void rollbackOfADeploymentCarryingTheFixReopensTheItem() {
        ActionItem item = scenario.resolve(scenario.item(incident, P0, PREVENTATIVE, "PAY-12"));

        DeploymentResult result = scenario.deploy("checkout-api", "production", Outcome.ROLLED_BACK, "PAY-12");

        assertThat(result.reopened()).containsExactly(item.id());
        assertThat(scenario.reload(item).status()).isEqualTo(ItemStatus.OPEN);
        assertThat(result.incident().id()).isEqualTo(incident.id());
    }

    @Test
    void droppingNeedsAReasonAndBlockingItemsNeedTheOverridePermission() {
        ActionItem p0 = scenario.item(incident, P0, PREVENTATIVE, null);
        ActionItem p2 = scenario.item(incident, P2, MITIGATIVE, null);

        assertThatThrownBy(() -> scenario.gate.dropItem(Scenario.ALICE, p2.id(), ""))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("reason ''");
        assertThatThrownBy(() -> scenario.gate.dropItem(Scenario.ALICE, p0.id(), "not worth it"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("Override permission");

        assertThat(scenario.gate.dropItem(Scenario.ALICE, p2.id(), "superseded").status())
                .isEqualTo(ItemStatus.DROPPED);
        ActionItem dropped = scenario.gate.dropItem(Scenario.RELEASE_MANAGER, p0.id(), "service retired");
        assertThat(dropped.status()).isEqualTo(ItemStatus.DROPPED);
        assertThat(dropped.note()).isEqualTo("service retired");
    }

    @Test
    void verifiedAndDroppedItemsAreFinal() {
        ActionItem item = scenario.resolve(scenario.item(incident, P2, MITIGATIVE, null));
        scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED);

        assertThatThrownBy(() -> scenario.gate.resolveItem(Scenario.ALICE, item.id(), null))
                .isInstanceOf(RefusedException.class).hasMessageContaining("is VERIFIED");
        assertThatThrownBy(() -> scenario.gate.reopenItem(Scenario.ALICE, item.id(), "why"))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> scenario.gate.dropItem(Scenario.RELEASE_MANAGER, item.id(), "why"))
                .isInstanceOf(RefusedException.class);
    }

    @Test
    void ticketLinkedLaterLetsADeploymentNamingItCarryTheFix() {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, null);

        ActionItem linked = scenario.gate.linkTicket(Scenario.ALICE, item.id(), "pay-77");

        assertThat(linked.ticket().key()).isEqualTo("PAY-77");
        assertThat(scenario.decide("checkout-api", "production", "PAY-77").decision())
                .isEqualTo(io.jenkins.plugins.retrogate.engine.model.Decision.ALLOW);
        assertThatThrownBy(() -> scenario.gate.linkTicket(Scenario.ALICE, item.id(), "PAY-78"))
                .isInstanceOf(RefusedException.class).hasMessageContaining("already has ticket PAY-77");
    }

    @Test
    void thereIsNoCommandThatVerifiesByHand() {
        assertThat(RetroGate.class.getMethods()).extracting(java.lang.reflect.Method::getName)
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).contains("verif"));
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Fix",
                P0, PREVENTATIVE, "sre", "not a ticket", null, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ticket 'not a ticket' is not a ticket: use a Jira key (PAY-123), a GitHub issue "
                        + "(owner/repo#42 or #42) or an http(s) URL");
        assertThatThrownBy(() -> scenario.gate.addItem(Scenario.ALICE, new NewActionItem("INC-99", "Fix", P0,
                PREVENTATIVE, "sre", null, null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessage("incident 'INC-99' does not exist");
        assertThatThrownBy(() -> scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Fix", P0,
                PREVENTATIVE, "sre", null, List.of("bad name!"), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("service 'bad name!'");
        assertThatThrownBy(() -> scenario.gate.resolveItem(Scenario.ALICE, "A1", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("INC-12-A1");

        assertThat(scenario.store.state()).isSameAs(before);
    }
}
