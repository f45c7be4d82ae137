package io.jenkins.plugins.retrogate.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.policy.ApprovalRule;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.policy.Glob;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import io.jenkins.plugins.retrogate.engine.transfer.StoreImport;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the order of approvals (the requester, people approving twice under another spelling,
 * people approving after the override took effect), the override takes effect exactly when the
 * N-th distinct release manager who did not request the deployment approves; every other attempt is
 * refused and changes nothing; and the log replays to the same state.
 */
class ApprovalsPropertiesTest {
    private static final String BUILD = "https://ci/job/deploy/7/";
    private static final List<String> PEOPLE = List.of("rita", "bob", "Bob", "carol", "dave", "erin", "frank");

    @Property(tries = 200)
    void inEffectExactlyWhenTheNthDistinctApproverApproves(@ForAll @IntRange(min = 1, max = 5) int required,
            @ForAll @Size(min = 1, max = 14) List<@IntRange(min = 0, max = 6) Integer> who) {
        Scenario s = new Scenario();
        s.policy = GatePolicy.builder().approvalRules(List.of(new ApprovalRule(Glob.parse("service", "*"),
                Glob.parse("environment", "production"), required))).build();
        s.item(s.rollback("checkout-api"), Priority.P0, ItemType.PREVENTATIVE, null);
        String request = s.gate.gate(Actor.of("rita"), GateRequest.of("checkout-api", "production", null, BUILD,
                "rita", List.of(), null, s.clock.instant())).request().id();
        Set<String> approved = new LinkedHashSet<>();
        boolean inEffect = false;
        for (int index : who) {
            String name = PEOPLE.get(index);
            String person = name.toLowerCase(Locale.ROOT);
            boolean allowed = !inEffect && !person.equals("rita") && !approved.contains(person);
            RetroState before = s.store.state();
            s.tick();
            try {
                ApprovalOutcome outcome = s.gate.approveRequest(Actor.of(name, Permission.OVERRIDE), request, false,
                        "hotfix", null);
                assertThat(allowed).as("%s may approve after %s", name, approved).isTrue();
                approved.add(person);
                inEffect = approved.size() >= required;
                assertThat(outcome.inEffect()).isEqualTo(inEffect);
                assertThat(outcome.approvers()).hasSize(approved.size());
            } catch (RefusedException refused) {
                assertThat(allowed).as("%s refused after %s: %s", name, approved, refused.getMessage()).isFalse();
                assertThat(s.store.state()).isSameAs(before);
            }
        }
        Decision decision = s.gate.gate(Actor.of("rita"), GateRequest.of("checkout-api", "production", null, BUILD,
                "rita", List.of(), null, s.clock.instant())).decision().decision();
        assertThat(decision).isEqualTo(inEffect ? Decision.OVERRIDDEN : Decision.BLOCK);
        InMemoryStore copy = new InMemoryStore();
        StoreImport.into(copy, StoreDocument.export(s.store.state(), StoreDocument.events(s.store),
                s.clock.instant()), s.policy);
        assertThat(copy.state()).isEqualTo(s.store.state());
    }
}
