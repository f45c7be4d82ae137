package io.jenkins.plugins.retrogate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.config.PolicyFile;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.report.Report;
import io.jenkins.plugins.retrogate.engine.report.ReportText;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A retrospective not held in time warns at the gate and shows in the report; it never blocks. */
class OverdueRetroRuleTest {
    private final Scenario s = new Scenario();
    private Incident incident;

    @BeforeEach
    void rollbackMitigated() {
        incident = s.rollback("search");
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(incident.id())
                .withStatus(IncidentStatus.MITIGATED));
    }

    @Test
    void withinTheDueDaysNothingIsSaid() {
        s.clock.advance(Duration.ofDays(13));

        GateDecision decision = s.decide("search", "production");

        assertThat(decision.decision()).isEqualTo(Decision.ALLOW);
        assertThat(s.gate.report(30, null).overdueRetros()).isEmpty();
    }

    @Test
    void pastTheDueDaysTheGateWarnsNamingTheIncidentAndTheReportListsIt() {
        s.clock.advance(Duration.ofDays(15));

        GateDecision decision = s.decide("search", "production");
        Report report = s.gate.report(30, null);

        assertThat(decision.decision()).isEqualTo(Decision.WARN);
        assertThat(decision.findings(Finding.Kind.OVERDUE_RETRO)).singleElement()
                .satisfies(f -> assertThat(f.rule()).contains("retrospective overdue: " + incident.id(),
                        "retroDueDays is 14"));
        assertThat(report.overdueRetros()).singleElement().satisfies(o -> {
            assertThat(o.incidentId()).isEqualTo(incident.id());
            assertThat(o.daysSinceDetection()).isEqualTo(15);
        });
        assertThat(ReportText.write(report, java.time.ZoneOffset.UTC))
                .contains("Retrospectives overdue (not REVIEWED in time): 1", incident.id());
        assertThat(s.gate.report(30, "checkout-api").overdueRetros()).isEmpty();
    }

    @Test
    void theDueDaysEndToTheSecondAndTheMessageCountsWholeDays() {
        s.clock.advance(Duration.ofDays(14));
        assertThat(s.decide("search", "production").findings(Finding.Kind.OVERDUE_RETRO)).isEmpty();

        s.clock.advance(Duration.ofMillis(1));
        assertThat(s.decide("search", "production").findings(Finding.Kind.OVERDUE_RETRO)).singleElement()
                .satisfies(f -> assertThat(f.rule()).contains("was detected 14 days ago ("
                        + incident.detectedAt() + ")"));

        s.clock.advance(Duration.ofDays(1).minusMillis(2));
        assertThat(s.decide("search", "production").findings(Finding.Kind.OVERDUE_RETRO)).singleElement()
                .satisfies(f -> assertThat(f.rule()).contains("was detected 14 days ago"));
        s.clock.advance(Duration.ofMillis(1));
        assertThat(s.decide("search", "production").findings(Finding.Kind.OVERDUE_RETRO)).singleElement()
                .satisfies(f -> assertThat(f.rule()).contains("was detected 15 days ago"));
    }

    @Test
    void itNeverBlocksEvenInBlockMode() {
        s.policy = GatePolicy.builder().productionMode(GateMode.BLOCK).retroDueDays(1).build();
        s.clock.advance(Duration.ofDays(40));

        assertThat(s.decide("search", "production").decision()).isEqualTo(Decision.WARN);
    }

    @Test
    void zeroTurnsItOffAndABadValueIsNamed() {
        s.policy = GatePolicy.builder().retroDueDays(0).build();
        s.clock.advance(Duration.ofDays(40));

        assertThat(s.decide("search", "production").decision()).isEqualTo(Decision.ALLOW);
        assertThat(s.gate.report(30, null).overdueRetros()).isEmpty();
        assertThatThrownBy(() -> GatePolicy.builder().retroDueDays(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("retroDueDays").hasMessageContaining("-1");
        assertThat(PolicyFile.read(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("retroDueDays", 7)).retroDueDays()).isEqualTo(7);
    }
}
