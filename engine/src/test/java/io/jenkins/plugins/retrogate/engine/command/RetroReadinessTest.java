package io.jenkins.plugins.retrogate.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.report.Retrospective;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An incident becomes REVIEWED only when its retrospective has answered everything it asks. */
class RetroReadinessTest {
    private final Scenario s = new Scenario();
    private Incident incident;

    @BeforeEach
    void rollback() {
        incident = s.rollback("checkout-api");
        s.tick();
    }

    private Incident review(IncidentUpdate update) {
        return s.gate.updateIncident(Scenario.RELEASE_MANAGER, update.withStatus(IncidentStatus.REVIEWED));
    }

    @Test
    void reviewedIsRefusedNamingEveryOpenQuestionAndTheMissingItemAndNothingChanges() {
        long before = s.store.state().sequence();

        assertThatThrownBy(() -> review(IncidentUpdate.of(incident.id()))).isInstanceOf(RefusedException.class)
                .hasMessageContaining(incident.id() + " cannot be REVIEWED yet")
                .hasMessageContaining("open question: When did the response start?")
                .hasMessageContaining("open question: Has it been seen before?")
                .hasMessageContaining("no action item and no 'no action' decision")
                .hasMessageNotContaining("Which systems were affected?");
        assertThat(s.store.state().sequence()).isEqualTo(before);
        assertThat(s.store.state().incident(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.OPEN);
    }

    @Test
    void answersGivenInTheSameUpdateMakeItReady() {
        s.item(incident, Priority.P0, ItemType.PREVENTATIVE, null);

        Incident reviewed = review(IncidentUpdate.of(incident.id())
                .withResponseStartedAt(incident.detectedAt().plus(Duration.ofSeconds(30)))
                .withRetroAnswers(true, null));

        assertThat(reviewed.status()).isEqualTo(IncidentStatus.REVIEWED);
        assertThat(reviewed.notSeenBefore()).isTrue();
        assertThat(Retrospective.missing(reviewed, s.store.state().itemsOf(incident.id()))).isEmpty();
    }

    @Test
    void aNoActionDecisionWithItsReasonStandsForTheActionItems() {
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(incident.id())
                .withResponseStartedAt(incident.detectedAt().plus(Duration.ofSeconds(30))));
        s.gate.recordRetroAnswers(Scenario.RELEASE_MANAGER, incident.id(), true,
                "the vendor fixed the certificate chain; nothing of ours to change");

        Incident reviewed = review(IncidentUpdate.of(incident.id()));

        assertThat(reviewed.status()).isEqualTo(IncidentStatus.REVIEWED);
        assertThat(reviewed.noActionReason()).startsWith("the vendor fixed");
    }

    @Test
    void aDroppedItemIsNotAnAction() {
        var item = s.item(incident, Priority.P1, ItemType.PREVENTATIVE, null);
        s.gate.dropItem(Scenario.RELEASE_MANAGER, item.id(), "duplicate of the platform team's work");

        assertThatThrownBy(() -> review(IncidentUpdate.of(incident.id())
                .withResponseStartedAt(incident.detectedAt().plus(Duration.ofSeconds(30))).withRetroAnswers(true, null)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("no action item");
    }

    @Test
    void thePolicySwitchTurnsTheRuleOff() {
        s.policy = GatePolicy.builder().requireRetroReadiness(false).build();

        assertThat(review(IncidentUpdate.of(incident.id())).status()).isEqualTo(IncidentStatus.REVIEWED);
        assertThat(GatePolicy.defaults().requireRetroReadiness()).isTrue();
    }

    @Test
    void badAnswersAreRefusedNamingTheFieldAndNothingChanges() {
        Incident other = s.rollback("search");
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(incident.id()).withSimilar(other.id()));
        long before = s.store.state().sequence();

        assertThatThrownBy(() -> s.gate.recordRetroAnswers(Scenario.RELEASE_MANAGER, incident.id(), true, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("notSeenBefore")
                .hasMessageContaining(other.id());
        assertThatThrownBy(() -> s.gate.recordRetroAnswers(Scenario.RELEASE_MANAGER, incident.id(), false, "  "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("noActionReason");
        assertThatThrownBy(() -> s.gate.recordRetroAnswers(Scenario.RELEASE_MANAGER, "INC-99", true, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("INC-99");
        assertThat(s.store.state().sequence()).isEqualTo(before);
    }
}
