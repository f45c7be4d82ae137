package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
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
    void aDeploymentStartedOfEventFormat1StillReadsWithoutTheGatesFields() {
        String v1 = "{\"event\":\"deployment-started\",\"at\":\"2026-11-02T09:00:00Z\",\"actor\":\"alice\","
                + "\"deploymentId\":\"DEP-1\",\"ref\":{\"deploymentId\":\"DEP-1\",\"url\":\"https://ci/job/7/\","
                + "\"service\":\"cart\",\"environment\":\"production\"},\"production\":true,\"changeTickets\":[]}";

        DeploymentStarted read = (DeploymentStarted) EventJson.read(v1);

        assertThat(read.decision()).isNull();
        assertThat(read.gate()).isNull();
        assertThat(read.bypass()).isNull();
        assertThat(EventJson.read(EventJson.write(read))).isEqualTo(read);
        assertThat(EventJson.write(read)).doesNotContain("gate", "bypass", "overrideId");
    }

    @Test
    void theGatesFieldsOfADeploymentAndTheGatesDecisionsRoundTrip() {
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        DeploymentStarted bypass = new DeploymentStarted(at, "alice", "DEP-2", new DeploymentRef("DEP-2", null, null,
                "https://ci/job/8/", "cart", "production", null), true, List.of(), "BLOCK", GatePassage.BYPASSED, null,
                GatePassage.BLOCKED);
        GateDecided decided = new GateDecided(at, "alice", "cart", "production", "https://ci/job/8/", "alice",
                "OVERRIDDEN", "OVR-1", null);

        assertThat(EventJson.write(bypass)).contains("\"gate\":\"BYPASSED\"",
                "\"bypass\":\"the gate blocked this build and no override was approved\"");
        assertThat(EventJson.read(EventJson.write(bypass))).isEqualTo(bypass);
        assertThat(EventJson.write(decided)).startsWith("{\"event\":\"gate-decided\"");
        assertThat(EventJson.read(EventJson.write(decided))).isEqualTo(decided);
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
