package io.jenkins.plugins.retrogate.engine.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentCommandsTest {
    private final Scenario scenario = new Scenario();

    private Incident open() {
        return scenario.gate.openIncident(Scenario.ALICE, new NewIncident("Checkout down", Severity.SEV2,
                List.of("Checkout-API", "payments"), Detection.ALERT, null));
    }

    @Test
    void openedIncidentGetsTheNextIdAndNormalisedServices() {
        Incident first = open();
        Incident second = open();

        assertThat(first.id()).isEqualTo("INC-1");
        assertThat(second.id()).isEqualTo("INC-2");
        assertThat(first.affectedServices()).containsExactly("checkout-api", "payments");
        assertThat(first.detectedAt()).isEqualTo(scenario.clock.instant());
        assertThat(first.openedBy()).isEqualTo("alice");
    }

    @Test
    void retrospectiveAnswersAreRecordedAsFields() {
        Incident incident = open();
        Incident earlier = open();
        scenario.clock.advance(Duration.ofMinutes(5));

        Incident updated = scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id())
                .withResponseStartedAt(scenario.clock.instant())
                .withMitigation(MitigationKind.TEMPORARY, "rolled back to 2.4.0")
                .withRootCause("connection pool too small for the new retry policy")
                .withSimilar(earlier.id())
                .withContributor(ContributorRole.IDENTIFIED, "on-call SRE")
                .withStatus(IncidentStatus.MITIGATED));

        assertThat(updated.status()).isEqualTo(IncidentStatus.MITIGATED);
        assertThat(updated.responseStartedAt()).isEqualTo(scenario.clock.instant());
        assertThat(updated.mitigations()).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(MitigationKind.TEMPORARY));
        assertThat(updated.rootCause()).contains("connection pool");
        assertThat(updated.similarIncidents()).containsExactly(earlier.id());
        assertThat(updated.contributors()).singleElement()
                .satisfies(c -> assertThat(c.role()).isEqualTo(ContributorRole.IDENTIFIED));
    }

    @Test
    void eventLogIsReadInOrderAcrossPages() {
        for (int i = 0; i < 10_005; i++) {
            scenario.gate.openIncident(Scenario.ALICE, new NewIncident("Incident " + i, null, List.of("api"), null, null));
        }

        List<String> ids = new java.util.ArrayList<>();
        scenario.gate.events().forEach(e -> ids.add(((io.jenkins.plugins.retrogate.engine.event.IncidentOpened) e).incidentId()));

        assertThat(ids).hasSize(10_005).startsWith("INC-1", "INC-2").endsWith("INC-10004", "INC-10005");
    }

    @Test
    void statusOnlyMovesForward() {
        Incident incident = open();
        scenario.gate.updateIncident(Scenario.ALICE, IncidentUpdate.of(incident.id()).withStatus(IncidentStatus.RESOLVED));

        assertThatThrownBy(() -> scenario.gate.updateIncident(Scenario.ALICE,
                IncidentUpdate.of(incident.id()).withStatus(IncidentStatus.OPEN)))
                .isInstanceOf(RefusedException.class).hasMessageContaining("only moves forward");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        Incident incident = open();
        var before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.openIncident(Scenario.ALICE,
                new NewIncident("", null, List.of("api"), null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("title ''");
        assertThatThrownBy(() -> scenario.gate.openIncident(Scenario.ALICE,
                new NewIncident("x", null, List.of(), null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("services");
        assertThatThrownBy(() -> scenario.gate.updateIncident(Scenario.ALICE,
                IncidentUpdate.of(incident.id()).withResponseStartedAt(scenario.clock.instant().minusSeconds(60))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("responseStartedAt");
        assertThatThrownBy(() -> scenario.gate.updateIncident(Scenario.ALICE,
                IncidentUpdate.of(incident.id()).withSimilar(incident.id())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("the incident itself");
        assertThatThrownBy(() -> scenario.gate.updateIncident(Scenario.ALICE,
                IncidentUpdate.of(incident.id()).withMitigation(null, "restart")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("TEMPORARY or PERMANENT");

        assertThat(scenario.store.state()).isSameAs(before);
    }
}
