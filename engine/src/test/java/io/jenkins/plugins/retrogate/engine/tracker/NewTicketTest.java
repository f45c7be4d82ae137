package io.jenkins.plugins.retrogate.engine.tracker;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewTicketTest {
    private final Scenario scenario = new Scenario();
    private final Incident incident = scenario.rollback("checkout-api");

    @Test
    void aTicketForAnItemNamesTheItemAndLinksTheIncident() {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, null);

        NewTicket ticket = NewTicket.forItem(item, incident, "https://ci/retro-gate/incident/" + incident.id() + "/");

        assertThat(ticket.itemId()).isEqualTo(item.id());
        assertThat(ticket.title()).isEqualTo("[" + item.id() + "] " + item.title());
        assertThat(ticket.paragraphs()).containsExactly(
                "Action item " + item.id() + " from the retrospective of incident " + incident.id() + ": "
                        + incident.title(),
                "Incident: https://ci/retro-gate/incident/" + incident.id() + "/",
                "Priority P0, preventative, owned by team-payments; guards checkout-api.",
                "Retro Gate resolves the action item when this ticket is done, and closes the ticket once a "
                        + "successful production deployment has verified the fix.");
    }

    @Test
    void aTicketFiledBeforeTheItemExistsCarriesTheIncidentId() {
        NewActionItem input = new NewActionItem(incident.id(), "Alert on payment latency", P0, PREVENTATIVE,
                "team-sre", null, List.of(), LocalDate.parse("2026-12-01"));

        NewTicket ticket = NewTicket.forNewItem(input, incident, null);

        assertThat(ticket.itemId()).isNull();
        assertThat(ticket.title()).isEqualTo("[" + incident.id() + "] Alert on payment latency");
        assertThat(ticket.paragraphs()).contains("Priority P0, preventative, owned by team-sre; guards checkout-api; "
                + "due 2026-12-01.");
        assertThatThrownBy(() -> NewTicket.forNewItem(new NewActionItem(incident.id(), "x", null, PREVENTATIVE,
                "o", null, null, null), incident, null)).hasMessageContaining("priority");
    }

    @Test
    void aLongTitleIsShortenedToWhatTrackersAccept() {
        NewActionItem input = new NewActionItem(incident.id(), "x".repeat(300), P0, PREVENTATIVE, "o", null, null,
                null);

        assertThat(NewTicket.forNewItem(input, incident, null).title()).hasSize(NewTicket.TITLE_MAX).endsWith("…");
    }
}
