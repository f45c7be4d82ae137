package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private final ItemAdded added = new ItemAdded(Instant.parse("2026-11-02T09:00:00Z"), "alice", "INC-1-A1", "INC-1",
            "Add a canary stage", Priority.P0, ItemType.PREVENTATIVE, "team-payments",
            new Ticket(TicketSystem.JIRA, "PAY-12", null), List.of("checkout-api"), LocalDate.parse("2026-12-01"));

    @Test
    void writesTheDocumentedFormWithIsoInstantsAndNoNulls() {
        assertThat(EventJson.write(added)).isEqualTo("{\"event\":\"item-added\",\"at\":\"2026-11-02T09:00:00Z\","
                + "\"actor\":\"alice\",\"itemId\":\"INC-1-A1\",\"incidentId\":\"INC-1\",\"title\":\"Add a canary stage\","
                + "\"priority\":\"P0\",\"type\":\"PREVENTATIVE\",\"owner\":\"team-payments\","
                + "\"ticket\":{\"system\":\"JIRA\",\"key\":\"PAY-12\"},\"services\":[\"checkout-api\"],"
                + "\"due\":\"2026-12-01\"}");
    }

    @Test
    void readsBackTheSameEvent() {
        Event read = EventJson.read(EventJson.write(added));

        assertThat(read).isEqualTo(added);
    }

    @Test
    void everyEventTypeHasAUniqueName() {
        assertThat(EventTypes.byName()).hasSize(Event.class.getPermittedSubclasses().length);
        assertThat(List.<Object>copyOf(EventTypes.byName().values())).containsExactlyInAnyOrder((Object[]) Event.class.getPermittedSubclasses());
    }

    @Test
    void unknownTypesAndKeysAreErrorsNotSilentlyIgnored() {
        assertThatThrownBy(() -> EventJson.read("{\"event\":\"item-exploded\"}"))
                .hasMessageStartingWith("unknown event type 'item-exploded'");
        assertThatThrownBy(() -> EventJson.read(EventJson.write(added).replace("\"owner\"", "\"ownr\"")))
                .hasMessageContaining("item-added").hasMessageContaining("ownr");
        assertThatThrownBy(() -> EventJson.read("[1,2]")).hasMessageContaining("JSON object");
    }
}
