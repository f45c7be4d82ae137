package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.Backdatable;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
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
    void aFactRecordedAsItHappensIsWrittenAsBeforeAndOldEventsStillRead() {
        String old = "{\"event\":\"mitigation-recorded\",\"at\":\"2026-11-02T09:00:00Z\",\"actor\":\"alice\","
                + "\"incidentId\":\"INC-1\",\"kind\":\"TEMPORARY\",\"description\":\"flag off\"}";

        MitigationRecorded read = (MitigationRecorded) EventJson.read(old);

        assertThat(read.happenedAt()).isNull();
        assertThat(read.happened()).isEqualTo(read.at());
        assertThat(EventJson.write(read)).isEqualTo(old);
    }

    @Test
    void aFactRecordedAfterItHappenedKeepsBothTimes() {
        MitigationRecorded later = new MitigationRecorded(Instant.parse("2026-11-02T09:00:00Z"), "alice", "INC-1",
                MitigationKind.TEMPORARY, "flag off", Instant.parse("2026-11-02T03:10:00Z"));

        assertThat(EventJson.write(later)).endsWith(",\"happenedAt\":\"2026-11-02T03:10:00Z\"}");
        assertThat(EventJson.read(EventJson.write(later))).isEqualTo(later);
        assertThat(later.happened()).isEqualTo(Instant.parse("2026-11-02T03:10:00Z"));
        for (String type : List.of("incident-status-changed", "rollback-recorded", "deployment-started",
                "deployment-finished")) {
            assertThat(EventTypes.byName().get(type)).as(type).isAssignableTo(Backdatable.class);
        }
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
