package io.jenkins.plugins.retrogate.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.event.DeploymentFinished;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.report.IncidentSummary;
import io.jenkins.plugins.retrogate.engine.report.ServiceFigures;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Facts written down after they happened (the retrospective the next morning): the instant they
 * happened is what the record and the figures keep, and an instant that cannot be right is refused.
 */
class AfterTheFactTest {
    private final Scenario scenario = new Scenario();

    /** A production rollback at 02:00 that opened INC-1; the clock then moves to 09:00. */
    private Incident nightIncident() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.clock.advance(Duration.ofHours(7));
        return incident;
    }

    private Instant hoursAfter(Incident incident, long hours) {
        return incident.detectedAt().plus(Duration.ofHours(hours));
    }

    private ServiceFigures figures() {
        return scenario.gate.report(30, "checkout-api").services().get(0);
    }

    private List<Event> events() {
        List<Event> events = new ArrayList<>();
        StoreDocument.events(scenario.store).forEach(events::add);
        return events;
    }

    @Test
    void aMitigationRecordedTheNextMorningRestoredTheServiceWhenItWasDone() {
        Incident incident = nightIncident();

        Incident updated = scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withMitigation(MitigationKind.TEMPORARY, "feature flag off").withAt(hoursAfter(incident, 1)));

        assertThat(updated.mitigations().get(0).at()).isEqualTo(hoursAfter(incident, 1));
        assertThat(figures().medianTimeToRestore()).isEqualTo(Duration.ofHours(1));
        MitigationRecorded event = (MitigationRecorded) events().get(events().size() - 1);
        assertThat(event.at()).as("the audit trail keeps when it was recorded").isEqualTo(scenario.clock.instant());
        assertThat(event.happened()).isEqualTo(hoursAfter(incident, 1));
    }

    @Test
    void withoutAnInstantTheFactHappenedWhenItIsRecorded() {
        Incident incident = nightIncident();

        scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withMitigation(MitigationKind.TEMPORARY, "feature flag off"));

        assertThat(figures().medianTimeToRestore()).isEqualTo(Duration.ofHours(7));
        assertThat(((MitigationRecorded) events().get(events().size() - 1)).happenedAt()).isNull();
    }

    @Test
    void aStatusChangeRecordedLaterDatesTheRestoreAndTheRetro() {
        Incident incident = nightIncident();

        scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withStatus(IncidentStatus.MITIGATED).withAt(hoursAfter(incident, 2)));
        scenario.clock.advance(Duration.ofDays(2));
        scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withStatus(IncidentStatus.REVIEWED).withAt(hoursAfter(incident, 30))
                .withResponseStartedAt(hoursAfter(incident, 1)).withRetroAnswers(true, "a one-off vendor outage"));

        assertThat(figures().medianTimeToRestore()).isEqualTo(Duration.ofHours(2));
        IncidentSummary summary = scenario.gate.report(30, null).incidents().get(0);
        assertThat(summary.timeToRestore()).isEqualTo(Duration.ofHours(2));
        assertThat(summary.timeToRetro()).isEqualTo(Duration.ofHours(30));
    }

    @Test
    void aRollbackRecordedLaterOpensAnIncidentDetectedWhenItHappened() {
        Instant rolledBackAt = scenario.clock.instant();
        scenario.clock.advance(Duration.ofHours(9));

        RollbackResult result = scenario.gate.rollback(Scenario.ALICE,
                RollbackRequest.of("checkout-api", "production", "timeouts").withAt(rolledBackAt));

        assertThat(result.incident().detectedAt()).isEqualTo(rolledBackAt);
        var deployment = scenario.store.state().deployment(result.deploymentId()).orElseThrow();
        assertThat(deployment.startedAt()).isEqualTo(rolledBackAt);
        assertThat(deployment.endedAt()).isEqualTo(rolledBackAt);
    }

    @Test
    void aRollbackOfARecordedDeploymentMayNotPrecedeItsStart() {
        scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED);
        Instant started = scenario.clock.instant();
        scenario.clock.advance(Duration.ofHours(3));
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.rollback(Scenario.ALICE,
                RollbackRequest.of("checkout-api", "production", "timeouts").withAt(started.minusSeconds(60))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("at '" + started.minusSeconds(60) + "' is before the start of the deployment rolled back ("
                        + started + "); it must lie between then and now (" + scenario.clock.instant() + ")");
        assertThat(scenario.store.state()).isSameAs(before);
    }

    @Test
    void aRollbackAttachedLaterToTheOpenIncidentKeepsWhenItHappened() {
        Incident incident = nightIncident();

        scenario.gate.rollback(Scenario.ALICE,
                RollbackRequest.of("checkout-api", "production", "again").withAt(hoursAfter(incident, 1)));

        assertThat(scenario.store.state().incident(incident.id()).orElseThrow().rollbacks()).hasSize(2);
        assertThat(events()).filteredOn(e -> e instanceof DeploymentFinished).last()
                .extracting(e -> ((DeploymentFinished) e).happened()).isEqualTo(hoursAfter(incident, 1));
    }

    @Test
    void aDeploymentEndRecordedLaterEndsWhenItHappened() {
        scenario.tick();
        var deployment = scenario.gate.startDeployment(Scenario.ALICE,
                new NewDeployment(scenario.request("checkout-api", "production"), "3.0", "deploy", 9));
        Instant ended = deployment.startedAt().plus(Duration.ofMinutes(20));
        scenario.clock.advance(Duration.ofHours(5));

        DeploymentResult result = scenario.gate.finishDeployment(Scenario.ALICE, deployment.id(), Outcome.ROLLED_BACK,
                "smoke test failed", ended);

        assertThat(result.deployment().endedAt()).isEqualTo(ended);
        assertThat(result.incident().detectedAt()).isEqualTo(ended);
    }

    @Test
    void aDeploymentEndMayNotPrecedeItsStart() {
        scenario.tick();
        var deployment = scenario.gate.startDeployment(Scenario.ALICE,
                new NewDeployment(scenario.request("checkout-api", "production"), "3.0", "deploy", 9));
        scenario.clock.advance(Duration.ofHours(1));
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.finishDeployment(Scenario.ALICE, deployment.id(), Outcome.SUCCEEDED,
                null, deployment.startedAt().minusSeconds(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("at '" + deployment.startedAt().minusSeconds(1) + "' is before the deployment's"
                        + " start (" + deployment.startedAt() + ")");
        assertThat(scenario.store.state()).isSameAs(before);
    }

    @Test
    void aDeploymentRecordedLaterCountsOnTheDayItRan() {
        Instant yesterday = scenario.clock.instant().minus(Duration.ofDays(1));
        scenario.tick();

        DeploymentResult result = scenario.gate.recordDeployment(Scenario.ALICE,
                new NewDeployment(scenario.request("checkout-api", "production"), "1.0", null, null),
                Outcome.SUCCEEDED, null, yesterday);

        assertThat(result.deployment().startedAt()).isEqualTo(yesterday);
        assertThat(result.deployment().endedAt()).isEqualTo(yesterday);
        LocalDate day = LocalDate.ofInstant(yesterday, java.time.ZoneOffset.UTC);
        assertThat(scenario.gate.report(30, null).daily()).filteredOn(d -> d.day().equals(day))
                .singleElement().satisfies(d -> assertThat(d.succeeded()).isEqualTo(1));
    }

    @Test
    void anInstantAFewMinutesAheadIsClockSkewAndCountsAsNow() {
        Incident incident = nightIncident();
        Instant now = scenario.clock.instant();

        Incident updated = scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withMitigation(MitigationKind.TEMPORARY, "restart").withAt(now.plus(FactTime.CLOCK_SKEW)));

        assertThat(updated.mitigations().get(0).at()).isEqualTo(now);
    }

    @Test
    void instantsThatCannotBeRightAreRefusedNamingTheFieldTheValueAndWhatIsAllowed() {
        Incident incident = nightIncident();
        Instant now = scenario.clock.instant();
        Instant future = now.plus(FactTime.CLOCK_SKEW).plusSeconds(1);
        Instant ancient = Instant.parse("1999-12-31T23:59:59Z");
        Instant beforeDetection = incident.detectedAt().minusSeconds(1);
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withStatus(IncidentStatus.MITIGATED).withAt(future)))
                .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("field", "at")
                .hasMessage("at '" + future + "' is in the future; it must be at or before now (" + now
                        + ", up to 5 minutes of clock skew allowed)");
        assertThatThrownBy(() -> scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withMitigation(MitigationKind.TEMPORARY, "restart").withAt(ancient)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("at '1999-12-31T23:59:59Z' is before 2000-01-01T00:00:00Z");
        assertThatThrownBy(() -> scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withMitigation(MitigationKind.TEMPORARY, "restart").withAt(beforeDetection)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("at '" + beforeDetection + "' is before the incident's detection (" + incident.detectedAt()
                        + "); it must lie between then and now (" + now + ")");
        assertThatThrownBy(() -> scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withRootCause("pool exhausted").withAt(hoursAfter(incident, 1))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dates a status change or a mitigation");
        assertThatThrownBy(() -> scenario.gate.rollback(Scenario.ALICE,
                RollbackRequest.of("search-api", "production", "x").withAt(future)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("at '" + future + "' is in the future");
        assertThatThrownBy(() -> scenario.gate.recordDeployment(Scenario.ALICE,
                new NewDeployment(scenario.request("search-api", "production"), "1.0", null, null),
                Outcome.SUCCEEDED, null, ancient))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("at '" + ancient + "' is before 2000");
        assertThat(scenario.store.state()).isSameAs(before);
    }
}
