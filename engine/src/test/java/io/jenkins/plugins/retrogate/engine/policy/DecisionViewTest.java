package io.jenkins.plugins.retrogate.engine.policy;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one view of a decision that the pipeline step returns and the CLI prints: every item named
 * once with its first finding, every finding listed, the override by id, and nothing but plain
 * values (a pipeline keeps it across a restart).
 */
class DecisionViewTest {
    private final Scenario scenario = new Scenario();

    @Test
    void aBlockNamesEachItemOnceWithItsFirstFindingAndListsEveryFinding() throws Exception {
        Incident incident = scenario.rollback("checkout-api");
        scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Add a canary stage", P0, PREVENTATIVE,
                "team-payments", "PAY-7", null, LocalDate.of(2026, 11, 3)));
        scenario.clock.advance(Duration.ofDays(3));

        GateDecision decision = scenario.decide("checkout-api", "production");
        Map<String, Object> view = DecisionView.of(decision);

        assertThat(view).containsEntry("decision", "BLOCK").containsEntry("allowed", false)
                .containsEntry("service", "checkout-api").containsEntry("environment", "production")
                .containsEntry("production", true).containsEntry("mode", "BLOCK")
                .containsEntry("message", decision.message()).containsEntry("override", null);
        assertThat(view.keySet()).containsExactly("decision", "allowed", "service", "environment", "production",
                "mode", "message", "items", "findings", "rules", "override");
        assertThat((List<?>) view.get("items")).singleElement().isEqualTo(Map.ofEntries(
                Map.entry("id", "INC-1-A1"), Map.entry("incident", "INC-1"), Map.entry("title", "Add a canary stage"),
                Map.entry("priority", "P0"), Map.entry("type", "PREVENTATIVE"), Map.entry("status", "OPEN"),
                Map.entry("owner", "team-payments"), Map.entry("ticket", "PAY-7"), Map.entry("due", "2026-11-03"),
                Map.entry("finding", "BLOCKING"), Map.entry("blocks", true),
                Map.entry("rule", "open P0 preventative item")));
        assertThat((List<?>) view.get("findings")).<Object>extracting(f -> ((Map<?, ?>) f).get("kind"))
                .containsExactly("BLOCKING", "OVERDUE");
        assertThat(roundTrip(view)).isEqualTo(view);
    }

    @Test
    void anOverriddenDecisionNamesItsOverride() {
        scenario.item(scenario.rollback("checkout-api"), P0, PREVENTATIVE, null);
        String override = scenario.gate.approveOverride(Actor.of("bob", Permission.OVERRIDE),
                new OverrideGrant("checkout-api", "production", null, "hotfix", null)).override().id();

        Map<String, Object> view = DecisionView.of(scenario.decide("checkout-api", "production"));

        assertThat(view).containsEntry("decision", "OVERRIDDEN").containsEntry("allowed", true)
                .containsEntry("override", override);
    }

    private static Object roundTrip(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
