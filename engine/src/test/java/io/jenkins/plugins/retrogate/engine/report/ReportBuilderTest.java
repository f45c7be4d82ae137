package io.jenkins.plugins.retrogate.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {
    private final Scenario s = new Scenario();
    private Incident incident;
    private ActionItem fixed;

    /**
     * cart: an old success (outside 30 days), a success that is then rolled back (the rollback names no
     * deployment, so it undoes the latest one: one deployment, counted once, failed), 2 more successes; the rollback's incident is
     * mitigated after 2 h and reviewed after 2 days; its P0 is verified 3 days after it was added; an
     * overdue P0 stays open. search: one success, rolled back, and an incident seen before (linked to the first).
     */
    @BeforeEach
    void story() {
        s.deploy("cart", "production", Outcome.SUCCEEDED);
        s.clock.advance(Duration.ofDays(40));
        s.deploy("cart", "production", Outcome.SUCCEEDED);
        s.deploy("cart", "staging", Outcome.FAILED);
        incident = s.rollback("cart");
        s.clock.advance(Duration.ofHours(2));
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(incident.id())
                .withMitigation(MitigationKind.TEMPORARY, "rolled back"));
        fixed = s.item(incident, Priority.P0, ItemType.PREVENTATIVE, "PAY-1");
        s.clock.advance(Duration.ofDays(2));
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(incident.id()).withStatus(IncidentStatus.REVIEWED)
                .withResponseStartedAt(incident.detectedAt().plus(Duration.ofMinutes(5))).withRetroAnswers(true, null));
        s.clock.advance(Duration.ofDays(1));
        s.deploy("cart", "production", Outcome.SUCCEEDED, "PAY-1");
        s.deploy("cart", "production", Outcome.SUCCEEDED);
        s.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Overdue", Priority.P0, ItemType.MITIGATIVE,
                "team", null, null, LocalDate.ofInstant(s.clock.instant(), java.time.ZoneOffset.UTC).minusDays(1)));
        s.deploy("search", "production", Outcome.SUCCEEDED);
        Incident second = s.rollback("search");
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(second.id()).withSimilar(incident.id()));
        s.tick();
    }

    private Report report(String service) {
        return ReportBuilder.build(s.store.state(), StoreDocument.events(s.store), s.clock.instant(), 30, service);
    }

    @Test
    void doraFiguresPerServiceCountProductionDeploymentsOfThePeriod() {
        Report report = report(null);

        assertThat(report.services()).extracting(ServiceFigures::service).containsExactly("cart", "search");
        ServiceFigures cart = report.services().get(0);
        assertThat(cart.deployments()).isEqualTo(3);
        assertThat(cart.succeeded()).isEqualTo(2);
        assertThat(cart.failed()).isEqualTo(1);
        assertThat(cart.changeFailureRate()).isEqualTo(0.333);
        assertThat(cart.deploymentsPerDay()).isEqualTo(0.067);
        assertThat(cart.incidents()).isEqualTo(1);
        assertThat(cart.medianTimeToRestore()).isEqualTo(Duration.ofHours(2));
        ServiceFigures search = report.services().get(1);
        assertThat(search.changeFailureRate()).isEqualTo(1.0);
        assertThat(search.medianTimeToRestore()).isNull();
    }

    @Test
    void doraFiguresLeaveRollbacksOutsideProductionOut() {
        s.gate.rollback(Scenario.ALICE, RollbackRequest.of("cart", "staging", "smoke test failed"));
        s.gate.rollback(Scenario.ALICE, RollbackRequest.of("billing", "qa", "migration failed"));
        s.tick();

        Report report = report(null);

        assertThat(report.services()).extracting(ServiceFigures::service).containsExactly("cart", "search");
        ServiceFigures cart = report.services().get(0);
        assertThat(cart.deployments()).isEqualTo(3);
        assertThat(cart.failed()).isEqualTo(1);
        assertThat(cart.incidents()).isEqualTo(1);
    }

    @Test
    void incidentsOpenedOutsideProductionStayOutOfTheDoraFigures() {
        s.policy = io.jenkins.plugins.retrogate.engine.policy.GatePolicy.builder()
                .openIncidentsOutsideProduction(true).build();
        Incident staging = s.gate.rollback(Scenario.ALICE, RollbackRequest.of("cart", "staging", "smoke test failed"))
                .incident();
        s.clock.advance(Duration.ofMinutes(10));
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(staging.id())
                .withMitigation(MitigationKind.TEMPORARY, "rolled back"));
        s.tick();

        Report report = report("cart");

        ServiceFigures cart = report.services().get(0);
        assertThat(cart.incidents()).isEqualTo(1);
        assertThat(cart.medianTimeToRestore()).isEqualTo(Duration.ofHours(2));
        assertThat(report.incidents()).extracting(IncidentSummary::id).contains(staging.id());
    }

    @Test
    void theDoraSectionSaysItCountsProductionOnly() {
        Report report = report(null);

        assertThat(ReportText.write(report)).contains("DORA, production only");
        assertThat(ReportHtml.write(report)).contains("DORA figures per service, production only");
        assertThat(ReportJson.write(report).get("servicesScope").asText()).isEqualTo("production");
    }

    @Test
    void retrospectiveFigures() {
        RetroFigures retro = report(null).retro();

        assertThat(retro.incidents()).isEqualTo(2);
        assertThat(retro.reviewed()).isEqualTo(1);
        assertThat(retro.medianTimeToRetro()).isEqualTo(Duration.ofHours(2).plusDays(2).plusMinutes(1));
        assertThat(retro.itemsVerified()).isEqualTo(1);
        assertThat(retro.medianItemCycleTime()).isEqualTo(Duration.ofDays(3).plusMinutes(1));
        assertThat(retro.overdueP0()).containsExactly(incident.id() + "-A2");
        assertThat(retro.recurring()).isEqualTo(1);
        assertThat(retro.recurrenceRate()).isEqualTo(0.5);
        assertThat(s.reload(fixed).status().name()).isEqualTo("VERIFIED");
    }

    @Test
    void aServiceReportKeepsToThatService() {
        Report report = report("Search");

        assertThat(report.service()).isEqualTo("search");
        assertThat(report.services()).extracting(ServiceFigures::service).containsExactly("search");
        assertThat(report.retro().incidents()).isEqualTo(1);
        assertThat(report.incidents()).extracting(IncidentSummary::id).containsExactly("INC-2");
    }

    @Test
    void dailyBarsCoverThePeriodDayByDay() {
        Report report = report(null);

        assertThat(report.daily()).hasSize(30);
        assertThat(report.daily().stream().mapToInt(d -> d.succeeded() + d.failed()).sum()).isEqualTo(4);
    }

    @Test
    void incidentRowsCarryTheirTimes() {
        IncidentSummary first = report(null).incidents().get(0);

        assertThat(first.timeToRestore()).isEqualTo(Duration.ofHours(2));
        assertThat(first.items()).isEqualTo(2);
        assertThat(first.activeItems()).isEqualTo(1);
    }

    @Test
    void theEngineReportIsTheSameAndFollowsNewEventsWithoutReadingHistoryAgain() {
        assertThat(s.gate.report(30, null)).isEqualTo(report(null));
        assertThat(s.gate.report(30, "search").services().get(0).medianTimeToRestore()).isNull();

        s.clock.advance(Duration.ofHours(3));
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of("INC-2")
                .withMitigation(MitigationKind.PERMANENT, "pool size raised"));
        s.deploy("search", "production", Outcome.SUCCEEDED);

        Report later = s.gate.report(30, "search");
        assertThat(later).isEqualTo(report("search"));
        assertThat(later.services().get(0).medianTimeToRestore()).isEqualTo(Duration.ofHours(3).plusMinutes(1));
        assertThat(later.services().get(0).deployments()).isEqualTo(2);
    }

    @Test
    void anEmptyStoreGivesAnEmptyReport() {
        Scenario empty = new Scenario();
        Report report = ReportBuilder.build(empty.store.state(), java.util.List.of(), empty.clock.instant(), 7, null);

        assertThat(report.services()).isEmpty();
        assertThat(report.retro().recurrenceRate()).isNull();
        assertThat(ReportText.write(report)).contains("no production deployments");
        assertThat(ReportHtml.write(report)).contains("No incidents in this period");
    }

    @Test
    void thePeriodMustBeSensible() {
        assertThatThrownBy(() -> ReportBuilder.build(s.store.state(), java.util.List.of(), s.clock.instant(), 0, null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("days '0'");
        assertThatThrownBy(() -> ReportBuilder.build(s.store.state(), java.util.List.of(), s.clock.instant(), 1, "a b"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("service 'a b'");
    }

    @Test
    void jsonAndTextShowTheSameFigures() {
        Report report = report(null);

        var json = ReportJson.write(report);
        assertThat(json.at("/services/0/changeFailureRate").asDouble()).isEqualTo(0.333);
        assertThat(json.at("/services/0/medianTimeToRestoreSeconds").asLong()).isEqualTo(7200);
        assertThat(json.at("/retrospective/overdueP0Count").asInt()).isEqualTo(1);
        assertThat(json.at("/retrospective/recurrenceRate").asDouble()).isEqualTo(0.5);
        assertThat(json.get("incidents")).hasSize(2);
        assertThat(ReportText.write(report)).contains("33.3%", "2h 00m", "50.0%");
    }
}
