package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.Backdatable;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.IdsReserved;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
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
                "https://ci/job/8/", "cart", "production", null), true, List.of(), Decision.BLOCK, GatePassage.BYPASSED, null,
                GatePassage.BLOCKED, null);
        GateDecided decided = new GateDecided(at, "alice", "cart", "production", "https://ci/job/8/", "alice",
                Decision.OVERRIDDEN, "OVR-1", null);

        assertThat(EventJson.write(bypass)).contains("\"gate\":\"BYPASSED\"",
                "\"bypass\":\"the gate blocked this build and no override was approved\"");
        assertThat(EventJson.read(EventJson.write(bypass))).isEqualTo(bypass);
        assertThat(EventJson.write(decided)).startsWith("{\"event\":\"gate-decided\"");
        assertThat(EventJson.read(EventJson.write(decided))).isEqualTo(decided);
    }

    @Test
    void decisionsWrittenAsTextBeforeTheyWereAnEnumReadAndAreWrittenTheSame() {
        String decided = "{\"event\":\"gate-decided\",\"at\":\"2026-11-02T09:00:00Z\",\"actor\":\"alice\","
                + "\"service\":\"cart\",\"environment\":\"production\",\"buildUrl\":\"https://ci/job/8/\","
                + "\"requestedBy\":\"alice\",\"decision\":\"OVERRIDDEN\",\"overrideId\":\"OVR-1\"}";
        String started = "{\"event\":\"deployment-started\",\"at\":\"2026-11-02T09:00:00Z\",\"actor\":\"alice\","
                + "\"deploymentId\":\"DEP-2\",\"ref\":{\"deploymentId\":\"DEP-2\",\"url\":\"https://ci/job/8/\","
                + "\"service\":\"cart\",\"environment\":\"production\"},\"production\":true,\"changeTickets\":[],"
                + "\"decision\":\"BLOCK\",\"gate\":\"BYPASSED\","
                + "\"bypass\":\"the gate blocked this build and no override was approved\"}";

        assertThat(((GateDecided) EventJson.read(decided)).decision()).isEqualTo(Decision.OVERRIDDEN);
        assertThat(((DeploymentStarted) EventJson.read(started)).decision()).isEqualTo(Decision.BLOCK);
        assertThat(EventJson.write(EventJson.read(decided))).isEqualTo(decided);
        assertThat(EventJson.write(EventJson.read(started))).isEqualTo(started);
    }

    @Test
    void anUnknownDecisionIsRefusedNamingTheFieldAndTheAllowedValues() {
        String decided = "{\"event\":\"gate-decided\",\"at\":\"2026-11-02T09:00:00Z\",\"actor\":\"alice\","
                + "\"service\":\"cart\",\"environment\":\"production\",\"buildUrl\":\"https://ci/job/8/\","
                + "\"decision\":\"MAYBE\"}";

        assertThatThrownBy(() -> EventJson.read(decided)).hasMessageContaining("decision")
                .hasMessageContaining("MAYBE").hasMessageContaining("ALLOW, WARN, BLOCK, OVERRIDDEN");
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
    void eachEventIsWrittenWithTheOldestVersionThatHoldsIt() {
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        DeploymentRef ref = new DeploymentRef("DEP-1", null, null, "https://ci/job/7/", "cart", "production", null);
        DeploymentStarted plain = new DeploymentStarted(at, "alice", "DEP-1", ref, true, List.of(), null);
        DeploymentStarted gated = new DeploymentStarted(at, "alice", "DEP-1", ref, true, List.of(), Decision.ALLOW,
                GatePassage.PASSED, null, null, null);
        DeploymentStarted backdated = new DeploymentStarted(at, "alice", "DEP-1", ref, true, List.of(), null, null,
                null, null, at.minusSeconds(3600));

        assertThat(EventJson.versionOf(added)).isEqualTo(1);
        assertThat(EventJson.versionOf(plain)).isEqualTo(1);
        assertThat(EventJson.versionOf(new MitigationRecorded(at, "alice", "INC-1", MitigationKind.TEMPORARY,
                "flag off", null))).isEqualTo(1);
        assertThat(EventJson.versionOf(gated)).isEqualTo(2);
        assertThat(EventJson.versionOf(backdated)).isEqualTo(2);
        assertThat(EventJson.versionOf(new GateDecided(at, "alice", "cart", "production", "https://ci/job/7/",
                "alice", Decision.ALLOW, null, null))).isEqualTo(2);
        assertThat(EventJson.versionOf(new IdsReserved(at, "repair", 3, 0, 0, 0, null, "cut"))).isEqualTo(2);
        assertThat(EventJson.versionOf(new io.jenkins.plugins.retrogate.engine.event.NotificationFailed(at,
                "retro-gate", "REQ-1", "requested", "slack", "https://hooks.slack.com", 4, "HTTP 503")))
                .isEqualTo(3);
        assertThat(EventJson.versionOf(new io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven(at, "bob",
                "cart", "production", null, io.jenkins.plugins.retrogate.engine.model.OverrideScope.WINDOW, "train", 2,
                List.of()))).isEqualTo(4);
        assertThat(EventJson.versionOf(new io.jenkins.plugins.retrogate.engine.event.OverrideApproved(at, "bob",
                "OVR-1", List.of(), io.jenkins.plugins.retrogate.engine.model.OverrideScope.WINDOW, "cart",
                "production", null, null, "train", at.plusSeconds(60), null))).as("one approver: as before")
                .isEqualTo(1);
        assertThat(EventJson.versionOf(new io.jenkins.plugins.retrogate.engine.event.OverrideApproved(at, "bob",
                "OVR-1", List.of(), io.jenkins.plugins.retrogate.engine.model.OverrideScope.WINDOW, "cart",
                "production", null, null, "train", at.plusSeconds(60), List.of("carol", "bob")))).isEqualTo(4);
        assertThat(EventJson.FORMAT_VERSION).isEqualTo(4);
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

    @Test
    void anEventWhoseConstructorRefusesAMissingFieldIsMalformedNotACrash() {
        String withoutServices = EventJson.write(added).replaceFirst(",?\"services\":\\[[^]]*]", "");

        assertThat(withoutServices).doesNotContain("services").contains("\"owner\"");
        assertThatThrownBy(() -> EventJson.read(withoutServices)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("event of type 'item-added' is malformed");
    }
}
