package io.jenkins.plugins.retrogate.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.GateOutcome;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreTransferTest {
    private final Scenario s = new Scenario();

    /** Every kind of event: incidents and their answers, items through their lifecycle, a block, an override. */
    @BeforeEach
    void story() {
        Incident incident = s.rollback("cart");
        s.item(incident, Priority.P0, ItemType.PREVENTATIVE, "PAY-1");
        ActionItem p1 = s.item(incident, Priority.P1, ItemType.MITIGATIVE, null);
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(incident.id()).withRootCause("pool")
                .withContributor(ContributorRole.DEBUGGED, "team-sre"));
        GateOutcome blocked = s.gate.gate(Scenario.ALICE, s.request("cart", "production"));
        assertThat(blocked.request()).isNotNull();
        s.gate.approveOverride(Actor.of("bob", Permission.OVERRIDE),
                new OverrideGrant("cart", "production", null, "hotfix", Duration.ofHours(1)));
        s.deploy("cart", "production", Outcome.SUCCEEDED, "PAY-1");
        s.resolve(p1);
        s.gate.reopenItem(Scenario.ALICE, p1.id(), "did not hold");
        s.gate.dropItem(Scenario.RELEASE_MANAGER, p1.id(), "superseded");
        Incident second = s.rollback("search");
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(second.id()).withSimilar(incident.id()));
        s.tick();
    }

    private ObjectNode export() {
        return StoreDocument.export(s.store.state(), StoreDocument.events(s.store), s.clock.instant());
    }

    @Test
    void exportHoldsEveryEntityAndTheEventLog() {
        ObjectNode document = export();

        assertThat(document.get("formatVersion").asInt()).isEqualTo(StoreDocument.FORMAT_VERSION);
        assertThat(document.get("incidents")).extracting(n -> n.get("id").asText()).containsExactly("INC-1", "INC-2");
        assertThat(document.get("items")).extracting(n -> n.get("id").asText()).containsExactly("INC-1-A1", "INC-1-A2");
        assertThat(document.get("deployments")).hasSize(3);
        assertThat(document.get("overrides")).hasSize(1);
        assertThat(document.get("requests")).hasSize(1);
        assertThat(document.get("events")).hasSize((int) s.store.state().sequence());
    }

    @Test
    void importIntoAnEmptyStoreRecreatesTheSameStateThroughItsEvents() {
        ObjectNode document = export();
        InMemoryStore copy = new InMemoryStore();

        StoreImport.Plan plan = StoreImport.into(copy, document);

        assertThat(plan.events()).hasSize((int) s.store.state().sequence());
        assertThat(copy.state().sequence()).isEqualTo(s.store.state().sequence());
        ObjectNode again = StoreDocument.export(copy.state(), StoreDocument.events(copy), s.clock.instant());
        assertThat(again).isEqualTo(document);
        assertThat(copy.state().counters()).isEqualTo(s.store.state().counters());
    }

    @Test
    void factsRecordedAfterTheyHappenedSurviveExportAndImportAndOnlyThenNeedEventFormat2() {
        assertThat(export().get("eventFormatVersion").asInt()).as("its deployments say how they passed the gate")
                .isEqualTo(2);
        var withoutTheGate = StoreDocument.events(s.store).stream().filter(e -> !(e instanceof
                io.jenkins.plugins.retrogate.engine.event.DeploymentStarted
                || e instanceof io.jenkins.plugins.retrogate.engine.event.GateDecided)).toList();
        assertThat(StoreDocument.export(s.store.state(), withoutTheGate, s.clock.instant()).get("eventFormatVersion")
                .asInt()).as("no other event needs format 2 yet").isEqualTo(1);
        var incident = s.store.state().incident("INC-2").orElseThrow();
        s.clock.advance(Duration.ofHours(8));
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(incident.id())
                .withStatus(io.jenkins.plugins.retrogate.engine.model.IncidentStatus.MITIGATED)
                .withAt(incident.detectedAt().plusSeconds(900)));
        ObjectNode document = export();
        InMemoryStore copy = new InMemoryStore();

        StoreImport.into(copy, document);

        assertThat(document.get("eventFormatVersion").asInt()).isEqualTo(2);
        assertThat(StoreDocument.export(copy.state(), StoreDocument.events(copy), s.clock.instant())).isEqualTo(document);
        assertThat(io.jenkins.plugins.retrogate.engine.report.ReportBuilder.build(copy.state(),
                StoreDocument.events(copy), s.clock.instant(), 30, "search").services().get(0).medianTimeToRestore())
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void importIntoAStoreThatHoldsEventsIsRefusedAndChangesNothing() {
        ObjectNode document = export();
        long before = s.store.state().sequence();

        assertThatThrownBy(() -> StoreImport.into(s.store, document))
                .isInstanceOf(RefusedException.class).hasMessageContaining("needs an empty store");
        assertThat(s.store.state().sequence()).isEqualTo(before);
    }

    @Test
    void idsSortByTheirNumbers() {
        assertThat(java.util.stream.Stream.of("INC-10", "INC-2", "INC-2-A10", "INC-2-A3", "DEP-1")
                .sorted(StoreDocument.IdOrder.INSTANCE).toList())
                .containsExactly("DEP-1", "INC-2", "INC-2-A3", "INC-2-A10", "INC-10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "42", "\"export\"", "null"})
    void aDocumentMustBeAnObject(String json) throws Exception {
        assertRejected(EventJson.mapper().readTree(json), "document");
    }

    @Test
    void everyKindOfBadDocumentIsRejectedNamingThePathAndNothingIsRecorded() {
        rejects(d -> d.put("formatVersion", 2), "formatVersion '2' is not supported");
        rejects(d -> d.remove("formatVersion"), "formatVersion '' is not supported");
        rejects(d -> d.put("eventFormatVersion", 99), "eventFormatVersion '99' is not supported");
        rejects(d -> d.put("eventFormatVersion", 0), "eventFormatVersion '0' is not supported");
        rejects(d -> d.put("extra", true), "extra 'true' is not a key of an export");
        rejects(d -> d.remove("events"), "events '' is missing");
        rejects(d -> d.put("events", "none"), "events 'none' is missing");
        rejects(d -> events(d).insert(0, EventJson.mapper().createObjectNode().put(EventJson.TYPE_KEY, "incident-exploded")),
                "events[0] '{\"event\":\"incident-exploded\"}' is not a valid event: unknown event type");
        rejects(d -> ((ObjectNode) events(d).get(0)).put("colour", "red"), "events[0]");
        rejects(d -> ((ObjectNode) events(d).get(0)).remove("at"), "events[0]");
        rejects(d -> ((ObjectNode) events(d).get(0)).put("actor", " "), "needs 'at' and a non-empty 'actor'");
        rejects(d -> events(d).remove(0), "events[0]");
        rejects(d -> events(d).add(events(d).get(0).deepCopy()), "which an earlier event already created");
        rejects(d -> first(d, "incident-opened").putArray("services").add("no such/service"),
                "services 'no such/service' (sequence 3, incident-opened) breaks a rule of the live commands:"
                        + " is not a valid name");
        rejects(d -> ((ObjectNode) d.get("items").get(0)).put("title", "Tampered"),
                "items[0].title 'Tampered' does not match the event log, which gives Fix P0 PREVENTATIVE");
        rejects(d -> ((ObjectNode) d.get("incidents").get(1)).put("id", "INC-9"),
                "incidents[1].id 'INC-9' is not created by any event");
        rejects(d -> ((ArrayNode) d.get("deployments")).remove(2), "deployments 'DEP-3' is missing from the array");
        rejects(d -> ((ArrayNode) d.get("overrides")).add(d.get("overrides").get(0).deepCopy()), "appears twice");
        rejects(d -> ((ObjectNode) d.get("requests").get(0)).put("note", "x"), "requests[0].note 'x' is not a key");
        rejects(d -> d.remove("incidents"), "incidents '' is missing, but the event log holds 2");
        rejects(d -> d.put("items", "all"), "items 'all' is not an array");
        rejects(d -> first(d, "deployment-finished").put("happenedAt", "2100-01-01T00:00:00Z"),
                "happenedAt '2100-01-01T00:00:00Z' is after the event's 'at'");
    }

    @Test
    void aDocumentWithoutEntityArraysButWithEventsIsEnoughWhenTheLogIsEmpty() throws Exception {
        JsonNode document = EventJson.mapper().readTree("{\"formatVersion\": 1, \"events\": []}");
        InMemoryStore copy = new InMemoryStore();

        assertThat(StoreImport.into(copy, document).events()).isEmpty();
    }

    private ObjectNode first(ObjectNode document, String type) {
        for (JsonNode event : events(document)) {
            if (event.get(EventJson.TYPE_KEY).asText().equals(type)) {
                return (ObjectNode) event;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    private ArrayNode events(ObjectNode document) {
        return (ArrayNode) document.get("events");
    }

    private void rejects(Consumer<ObjectNode> edit, String message) {
        ObjectNode document = export();
        edit.accept(document);
        assertRejected(document, message);
    }

    private void assertRejected(JsonNode document, String message) {
        InMemoryStore copy = new InMemoryStore();
        assertThatThrownBy(() -> StoreImport.into(copy, document))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(copy.state().sequence()).isZero();
    }
}
