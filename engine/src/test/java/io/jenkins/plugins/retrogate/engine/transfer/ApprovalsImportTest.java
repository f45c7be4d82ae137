package io.jenkins.plugins.retrogate.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.policy.ApprovalRule;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.policy.Glob;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An export with N-of-M approvals imports as it was; an edited one that breaks four eyes or N distinct approvers does not. */
class ApprovalsImportTest {
    private static final String BUILD = "https://ci/job/deploy/7/";
    private final Scenario s = new Scenario();

    @BeforeEach
    void twoApproversForOneRequest() {
        s.policy = GatePolicy.builder().approvalRules(List.of(new ApprovalRule(Glob.parse("service", "cart"),
                Glob.parse("environment", "*"), 2))).build();
        s.item(s.rollback("cart"), Priority.P0, ItemType.PREVENTATIVE, null);
        String request = s.gate.gate(Scenario.ALICE, GateRequest.of("cart", "production", null, BUILD, "alice",
                List.of(), null, s.clock.instant())).request().id();
        s.tick();
        s.gate.approveRequest(Actor.of("bob", Permission.OVERRIDE), request, false, "hotfix", null);
        s.tick();
        s.gate.approveRequest(Actor.of("carol", Permission.OVERRIDE), request, false, "agreed", null);
    }

    private ObjectNode export() {
        return StoreDocument.export(s.store.state(), StoreDocument.events(s.store), s.clock.instant());
    }

    private static ArrayNode events(ObjectNode document) {
        return (ArrayNode) document.get("events");
    }

    private static int index(ObjectNode document, String type) {
        for (int i = 0; i < events(document).size(); i++) {
            if (events(document).get(i).get("event").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " event");
    }

    @Test
    void theApprovalsAndTheOverrideNamingBothApproversRoundTrip() {
        ObjectNode document = export();
        JsonNode approved = events(document).get(index(document, "override-approved"));
        assertThat(approved.get("approvers")).extracting(JsonNode::asText).containsExactly("bob", "carol");
        InMemoryStore copy = new InMemoryStore();

        StoreImport.into(copy, document, s.policy);

        assertThat(copy.state()).isEqualTo(s.store.state());
        assertThat(copy.state().overrides().get("OVR-1").approvers()).containsExactly("bob", "carol");
    }

    @Test
    void anOverrideWhoseApproversIncludeTheRequesterIsRefused() {
        ObjectNode document = export();
        int at = index(document, "override-approved");
        ArrayNode approvers = ((ObjectNode) events(document).get(at)).putArray("approvers");
        approvers.add("alice").add("carol");

        assertRefused(document, "events[" + at + "].approvers 'alice'");
        assertRefused(document, "Four eyes: alice requested the blocked deployment (REQ-1)");
    }

    @Test
    void anApproverNamedTwiceIsRefused() {
        ObjectNode document = export();
        int at = index(document, "override-approved");
        ((ObjectNode) events(document).get(at)).putArray("approvers").add("Carol").add("carol");

        assertRefused(document, "names carol twice; each approver is a different person");
    }

    @Test
    void anApproverWhoGaveNoApprovalIsRefused() {
        ObjectNode document = export();
        int at = index(document, "override-approved");
        ((ObjectNode) events(document).get(at)).putArray("approvers").add("mallory").add("carol");

        assertRefused(document, "events[" + at + "].approvers 'mallory'");
        assertRefused(document, "gave no approval of this override that an earlier event recorded");
    }

    @Test
    void aPartialApprovalByTheRequesterIsRefused() {
        ObjectNode document = export();
        int at = index(document, "override-approval-given");
        ((ObjectNode) events(document).get(at)).put("actor", "alice");

        assertRefused(document, "events[" + at + "].actor 'alice'");
    }

    private void assertRefused(ObjectNode document, String message) {
        InMemoryStore copy = new InMemoryStore();
        assertThatThrownBy(() -> StoreImport.into(copy, document, s.policy))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(message);
        assertThat(copy.state().sequence()).as("nothing recorded").isZero();
    }
}
