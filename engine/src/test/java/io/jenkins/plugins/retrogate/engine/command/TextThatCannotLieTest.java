package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text that would forge a line, move a terminal's cursor or read reversed is refused, and changes nothing. */
class TextThatCannotLieTest {
    private final Scenario scenario = new Scenario();

    @Test
    void anItemTitleCannotPrintAFakeAllowLineInsideABlock() {
        Incident incident = scenario.rollback("checkout-api");
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(),
                "Fix pool\nALLOW: checkout-api → production: no open blocking action items", P0, PREVENTATIVE,
                "team", null, List.of(), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("title 'Fix pool\\u000AALLOW: ")
                .hasMessageContaining("holds the character U+000A: a line break or tab is not allowed in a single line");
        assertThat(scenario.store.state()).isSameAs(before);
    }

    @Test
    void escapesAndBidiOverridesAreRefusedEvenWhereLinesMayBreak() {
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);
        RetroState before = scenario.store.state();

        assertThatThrownBy(() -> scenario.gate.dropItem(Scenario.RELEASE_MANAGER, incident.id() + "-A1",
                "superseded \u001B[2J\u001B[H cleared"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("reason ")
                .hasMessageContaining("U+001B").hasMessageNotContaining("\u001B");
        assertThatThrownBy(() -> scenario.gate.dropItem(Scenario.RELEASE_MANAGER, incident.id() + "-A1",
                "approved \u202Edesrever"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("U+202E")
                .hasMessageNotContaining("\u202E");
        assertThat(scenario.store.state()).isSameAs(before);
    }

    @Test
    void multiLineTextKeepsItsLineBreaks() {
        Incident incident = scenario.rollback("checkout-api");
        var item = scenario.item(incident, P0, PREVENTATIVE, null);

        var dropped = scenario.gate.dropItem(Scenario.RELEASE_MANAGER, item.id(), "Superseded.\n\tSee INC-9.");

        assertThat(dropped.status().name()).isEqualTo("DROPPED");
    }

    @Test
    void namesOfPeopleAndVersionsAreSingleLines() {
        assertThatThrownBy(() -> Actor.of("pat\nrita")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("actor ");
        assertThatThrownBy(() -> scenario.gate.startDeployment(Scenario.ALICE,
                new NewDeployment(scenario.request("checkout-api", "production"), "1.0\u0007", "deploy", 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("version ");
    }
}
