package io.jenkins.plugins.retrogate.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.GateOutcome;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.command.NewDeployment;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An import replays every event through the rules of the live commands: a genuine export imports and
 * round-trips; an edited one that no command could have written is refused, naming the event, the field,
 * the value and the rule, and nothing is recorded.
 */
class ImportReplayTest {
    private static final String B7 = "https://ci/job/deploy/7/";
    private static final String B8 = "https://ci/job/deploy/8/";
    private static final String B9 = "https://ci/job/deploy/9/";
    private static final String B10 = "https://ci/job/deploy/10/";
    private final Scenario s = new Scenario();
    private final Actor bob = Actor.of("bob", Permission.OVERRIDE);

    private GateOutcome gate(String buildUrl, String... changeTickets) {
        s.tick();
        return s.gate.gate(Scenario.ALICE, GateRequest.of("cart", "production", null, buildUrl, "alice",
                List.of(changeTickets), null, s.clock.instant()));
    }

    private NewDeployment deployment(String buildUrl, String... changeTickets) {
        return new NewDeployment(GateRequest.of("cart", "production", null, buildUrl, "alice", List.of(changeTickets),
                null, s.clock.instant()), "2.0", "deploy-cart", 7);
    }

    /**
     * A store built through the live commands only: a block, a four-eyes approval, an OVERRIDDEN
     * deployment that started before an item's resolution (and so verifies nothing), a deployment carrying
     * the fix that resolves and verifies, a rollback of that ended deployment (a second, legitimate end:
     * ROLLED_BACK) that reopens what it verified, a denial, an expiry, the retrospective's answers, a drop.
     */
    @BeforeEach
    void story() {
        Incident incident = s.rollback("cart");
        ActionItem p0 = s.item(incident, Priority.P0, ItemType.PREVENTATIVE, "PAY-1");
        ActionItem p1 = s.item(incident, Priority.P1, ItemType.MITIGATIVE, null);
        String request = gate(B7).request().id();
        s.tick();
        s.gate.approveRequest(bob, request, false, "hotfix", null);
        assertThat(gate(B7).decision().decision()).isEqualTo(Decision.OVERRIDDEN);
        s.tick();
        Deployment running = s.gate.startDeployment(Scenario.ALICE, deployment(B7));
        s.resolve(p1);
        s.tick();
        s.gate.finishDeployment(Scenario.ALICE, running.id(), Outcome.SUCCEEDED, null);
        gate(B8, "PAY-1");
        s.tick();
        s.gate.recordDeployment(Scenario.ALICE, deployment(B8, "PAY-1"), Outcome.SUCCEEDED, null);
        assertThat(s.reload(p0).status()).isEqualTo(ItemStatus.VERIFIED);
        s.tick();
        s.gate.rollback(Scenario.ALICE, RollbackRequest.of("cart", "production", "did not hold"));
        assertThat(s.reload(p0).status()).isEqualTo(ItemStatus.OPEN);
        s.tick();
        s.gate.denyOverride(Scenario.RELEASE_MANAGER, gate(B9).request().id(), "not today");
        s.tick();
        s.gate.expireOverrideRequest(Scenario.ALICE, gate(B10).request().id());
        s.tick();
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(incident.id()).withStatus(IncidentStatus.MITIGATED)
                .withMitigation(MitigationKind.TEMPORARY, "rolled back").withRootCause("pool size")
                .withContributor(ContributorRole.DEBUGGED, "team-sre"));
        Incident search = s.rollback("search");
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(search.id()).withSimilar(incident.id()));
        s.tick();
        s.gate.dropItem(Scenario.RELEASE_MANAGER, p1.id(), "superseded");
        ActionItem filed = s.item(search, Priority.P2, ItemType.OTHER, null);
        Actor tracker = Actor.of("tracker");
        s.gate.linkTicket(tracker, filed.id(), new Ticket(TicketSystem.JIRA, "PAY-7",
                "https://acme.atlassian.net/browse/PAY-7"));
        s.tick();
        s.gate.resolveFromTracker(tracker, filed.id(), "PAY-7 Done");
        Incident manual = s.gate.openIncident(Scenario.ALICE, new NewIncident("Slow search pages", null,
                List.of("Search"), Detection.ALERT, s.clock.instant().minusSeconds(600)));
        s.tick();
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(manual.id())
                .withResponseStartedAt(s.clock.instant().minusSeconds(300)));
    }

    private ObjectNode export() {
        return StoreDocument.export(s.store.state(), StoreDocument.events(s.store), s.clock.instant());
    }

    @Test
    void aGenuineExportOfLiveCommandsImportsAndRoundTrips() {
        ObjectNode document = export();
        assertThat(events(document)).extracting(e -> e.get("event").asText()).contains("override-approved",
                "override-denied", "override-request-expired", "item-verified", "item-reopened", "gate-decided",
                "rollback-recorded", "item-dropped");
        assertThat(index(document, "deployment-finished", e -> e.get("outcome").asText().equals("ROLLED_BACK")
                && e.get("deploymentId").asText().equals("DEP-3"))).as("a rollback ending DEP-3 a second time")
                .isPositive();
        InMemoryStore copy = new InMemoryStore();

        StoreImport.into(copy, document);

        assertThat(copy.state()).isEqualTo(s.store.state());
        assertThat(StoreDocument.export(copy.state(), StoreDocument.events(copy), s.clock.instant())).isEqualTo(document);
    }

    @Test
    void aSelfApprovedOverrideIsRefused() {
        ObjectNode document = export();
        int approval = index(document, "override-approved", e -> true);
        ((ObjectNode) events(document).get(approval)).put("actor", "Alice");

        assertRefused(document, "events[" + approval + "].actor 'Alice' (sequence " + (approval + 1)
                + ", override-approved) breaks a rule of the live commands: Four eyes: Alice requested the blocked"
                + " deployment (REQ-1) and may not approve its override");
    }

    @Test
    void anApprovalOfARequestThatIsNotPendingIsRefused() {
        ObjectNode document = export();
        int denial = index(document, "override-denied", e -> true);
        String denied = events(document).get(denial).get("requestId").asText();
        ObjectNode approval = EventJson.mapper().createObjectNode().put("event", "override-approved")
                .put("at", events(document).get(events(document).size() - 1).get("at").asText()).put("actor", "bob")
                .put("overrideId", "OVR-2").put("scope", "WINDOW").put("service", "cart")
                .put("environment", "production").put("requestedBy", "alice").put("reason", "after all")
                .put("expiresAt", "2100-01-01T00:00:00Z");
        approval.putArray("requestIds").add(denied);
        events(document).add(approval);
        int last = events(document).size() - 1;

        assertRefused(document, "events[" + last + "].requestIds '" + denied + "' (sequence " + (last + 1)
                + ", override-approved) breaks a rule of the live commands: Override request " + denied
                + " was already DENIED by rita");
    }

    @Test
    void anItemVerifiedByADeploymentThatDoesNotExistIsRefused() {
        ObjectNode document = export();
        int verified = index(document, "item-verified", e -> e.get("itemId").asText().equals("INC-1-A1"));
        ((ObjectNode) events(document).get(verified)).put("deploymentId", "DEP-99");

        assertRefused(document, "events[" + verified + "].deploymentId 'DEP-99' (sequence " + (verified + 1)
                + ", item-verified) breaks a rule of the live commands: names no deployment an earlier event started");
    }

    @Test
    void anItemVerifiedByADeploymentThatStartedBeforeItsResolutionIsRefused() {
        ObjectNode document = export();
        int finished = index(document, "deployment-finished", e -> e.get("deploymentId").asText().equals("DEP-2"));
        ObjectNode forged = EventJson.mapper().createObjectNode().put("event", "item-verified")
                .put("at", events(document).get(finished).get("at").asText()).put("actor", "alice")
                .put("itemId", "INC-1-A2").put("deploymentId", "DEP-2");
        events(document).insert(finished + 1, forged);

        assertRefused(document, "events[" + (finished + 1) + "].deploymentId 'DEP-2' (sequence " + (finished + 2)
                + ", item-verified) breaks a rule of the live commands: started at ");
        assertRefused(document, ", before INC-1-A2 was resolved at ");
    }

    @Test
    void aBuildUrlNotInItsOneFormIsRefused() {
        ObjectNode document = export();
        int requested = index(document, "override-requested", e -> true);
        ((ObjectNode) events(document).get(requested)).put("buildUrl", "https://ci/job/deploy/7");

        assertRefused(document, "events[" + requested + "].buildUrl 'https://ci/job/deploy/7' (sequence "
                + (requested + 1) + ", override-requested) breaks a rule of the live commands: is not in the one"
                + " form commands record: https://ci/job/deploy/7/");
    }

    @Test
    void aSecondEndOfTheSameDeploymentIsRefused() {
        ObjectNode document = export();
        int finished = index(document, "deployment-finished", e -> e.get("deploymentId").asText().equals("DEP-2"));
        events(document).insert(finished + 1, events(document).get(finished).deepCopy());

        assertRefused(document, "events[" + (finished + 1) + "].outcome 'SUCCEEDED' (sequence " + (finished + 2)
                + ", deployment-finished) breaks a rule of the live commands: Deployment DEP-2 already ended SUCCEEDED");
    }

    @Test
    void textWithControlOrBidirectionalCharactersIsRefused() {
        ObjectNode bidi = export();
        int added = index(bidi, "item-added", e -> true);
        ((ObjectNode) events(bidi).get(added)).put("title", "Fix \u202Eevil");
        ObjectNode escape = export();
        int denied = index(escape, "override-denied", e -> true);
        ((ObjectNode) events(escape).get(denied)).put("reason", "\u001B[32mALLOW\u001B[0m");
        ObjectNode newline = export();
        int contributor = index(newline, "contributor-recorded", e -> true);
        ((ObjectNode) events(newline).get(contributor)).put("name", "team-sre\nALLOW: all clear");

        assertRefused(bidi, "events[" + added + "].title 'Fix \\u202Eevil' (sequence " + (added + 1)
                + ", item-added) breaks a rule of the live commands: holds the character U+202E");
        assertRefused(escape, "events[" + denied + "].reason '\\u001B[32mALLOW\\u001B[0m' (sequence " + (denied + 1)
                + ", override-denied) breaks a rule of the live commands: holds the character U+001B");
        assertRefused(newline, "events[" + contributor + "].name 'team-sre\\u000AALLOW: all clear' (sequence "
                + (contributor + 1) + ", contributor-recorded) breaks a rule of the live commands: holds the"
                + " character U+000A: a line break or tab is not allowed in a single line");
    }

    @Test
    void aDeploymentThatClaimsToHavePassedTheGateItBypassedIsRefused() {
        ObjectNode document = export();
        int first = index(document, "deployment-started", e -> e.get("deploymentId").asText().equals("DEP-1"));
        ObjectNode started = (ObjectNode) events(document).get(first);
        started.put("gate", "PASSED").put("decision", "ALLOW").remove("bypass");

        assertRefused(document, "events[" + first + "].gate 'PASSED ALLOW' (sequence " + (first + 1)
                + ", deployment-started) breaks a rule of the live commands: does not match what the gate recorded");
    }

    @Test
    void factsRecordedAfterTheyHappenedImportWhenDatedWithinTheirRecord() {
        Incident manual = s.store.state().incident("INC-3").orElseThrow();
        s.clock.advance(java.time.Duration.ofHours(2));
        s.gate.updateIncident(Scenario.RELEASE_MANAGER, IncidentUpdate.of(manual.id())
                .withStatus(IncidentStatus.MITIGATED).withMitigation(MitigationKind.TEMPORARY, "cache warmed")
                .withAt(manual.detectedAt().plusSeconds(900)));
        Deployment later = s.gate.recordDeployment(Scenario.ALICE, deployment(null), Outcome.SUCCEEDED, null,
                s.clock.instant().minusSeconds(3600)).deployment();
        ObjectNode document = export();
        InMemoryStore copy = new InMemoryStore();

        StoreImport.into(copy, document);

        assertThat(copy.state()).isEqualTo(s.store.state());
        ObjectNode early = document.deepCopy();
        int mitigation = index(early, "mitigation-recorded", e -> e.has("happenedAt"));
        java.time.Instant beforeDetection = manual.detectedAt().minusSeconds(1);
        ((ObjectNode) events(early).get(mitigation)).put("happenedAt", beforeDetection.toString());
        assertRefused(early, "events[" + mitigation + "].happenedAt '" + beforeDetection + "' (sequence "
                + (mitigation + 1) + ", mitigation-recorded) breaks a rule of the live commands: is before the"
                + " incident's detection (" + manual.detectedAt() + ")");
        ObjectNode endedFirst = document.deepCopy();
        int finished = index(endedFirst, "deployment-finished",
                e -> e.get("deploymentId").asText().equals(later.id()));
        java.time.Instant beforeStart = later.startedAt().minusSeconds(1);
        ((ObjectNode) events(endedFirst).get(finished)).put("happenedAt", beforeStart.toString());
        assertRefused(endedFirst, "events[" + finished + "].happenedAt '" + beforeStart + "' (sequence "
                + (finished + 1) + ", deployment-finished) breaks a rule of the live commands: is before the"
                + " deployment's start (" + later.startedAt() + ")");
    }

    @Test
    void idsARepairReservedImportAsRecordedAndTheNextIdsFollowThem() {
        ObjectNode document = export();
        int filed = index(document, "item-added", e -> e.get("itemId").asText().equals("INC-2-A1"));
        ObjectNode reserved = EventJson.mapper().createObjectNode().put("event", "ids-reserved")
                .put("at", events(document).get(filed).get("at").asText()).put("actor", "repair")
                .put("incidents", 2).put("deployments", 0).put("overrides", 0).put("requests", 0)
                .put("reason", "named by records a repair cut");
        reserved.putObject("items").put("INC-2", 3);
        ObjectNode atTheEnd = document.deepCopy();
        events(atTheEnd).add(reserved.deepCopy());
        InMemoryStore copy = new InMemoryStore();

        StoreImport.into(copy, atTheEnd);

        assertThat(copy.state().counters().reservedItems("INC-2")).isEqualTo(3);
        events(document).insert(filed, reserved);
        assertRefused(document, "events[" + (filed + 1) + "].itemId 'INC-2-A1' (sequence " + (filed + 2)
                + ", item-added) breaks a rule of the live commands: is not the next id a command hands out here,"
                + " INC-2-A4");
    }

    private static ArrayNode events(ObjectNode document) {
        return (ArrayNode) document.get("events");
    }

    private static int index(ObjectNode document, String type, Predicate<JsonNode> which) {
        ArrayNode events = events(document);
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).get(EventJson.TYPE_KEY).asText().equals(type) && which.test(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    private static void assertRefused(ObjectNode document, String message) {
        InMemoryStore copy = new InMemoryStore();
        assertThatThrownBy(() -> StoreImport.into(copy, document))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(copy.state().sequence()).as("nothing recorded").isZero();
    }
}
