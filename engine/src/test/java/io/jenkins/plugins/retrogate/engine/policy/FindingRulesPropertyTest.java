package io.jenkins.plugins.retrogate.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The gate's rules and the policy's answers agree, whatever the policy and the items: an item the
 * gate blocks on is one that {@link GatePolicy#blocks} names (so dropping it needs the Override
 * permission), an item warns exactly when {@link GatePolicy#warns} says so, and the decision follows
 * from the kinds of the findings alone.
 */
class FindingRulesPropertyTest {
    private static final String SERVICE = "checkout-api";
    private static final List<String> TICKETS = List.of("PAY-1", "PAY-2", "PAY-3");

    /** One action item of the story: what it is, when it is due, what happens to it. */
    record Item(Priority priority, ItemType type, int dueInDays, int ticket, int fate) {
    }

    /** The policy's switches that the rules read. */
    record Switches(Priority blockPriority, Set<ItemType> blockTypes, Priority warnPriority, Set<ItemType> warnTypes,
            boolean warnOverdue, boolean postRollbackFreeze, int staleIncidentDays) {
        GatePolicy policy() {
            return GatePolicy.builder().blockPriority(blockPriority).blockTypes(blockTypes).warnPriority(warnPriority)
                    .warnTypes(warnTypes).warnOverdue(warnOverdue).postRollbackFreeze(postRollbackFreeze)
                    .staleIncidentDays(staleIncidentDays).build();
        }
    }

    @Provide
    Arbitrary<List<Item>> items() {
        return Combinators.combine(Arbitraries.of(Priority.class), Arbitraries.of(ItemType.class),
                Arbitraries.integers().between(-3, 3), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 5)).as(Item::new).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Switches> switches() {
        Arbitrary<Set<ItemType>> types = Arbitraries.of(ItemType.class).set().ofMinSize(1);
        return Combinators.combine(Arbitraries.of(Priority.class), types, Arbitraries.of(Priority.class),
                Arbitraries.of(ItemType.class).set(), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(0, 0, 1, 2)).as(Switches::new);
    }

    @Provide
    Arbitrary<Integer> ages() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Set<String>> changeTickets() {
        return Arbitraries.of(TICKETS).set();
    }

    @Property(tries = 300)
    void theGateBlocksAndWarnsExactlyWhereThePolicySaysAndDecidesFromTheKinds(@ForAll("switches") Switches switches,
            @ForAll("items") List<Item> items, @ForAll("changeTickets") Set<String> tickets,
            @ForAll boolean warnMode, @ForAll("ages") int ageInDays) {
        GatePolicy policy = switches.policy().toBuilder().productionMode(warnMode ? GateMode.WARN : GateMode.BLOCK)
                .build();
        Scenario s = story(policy, items);
        s.clock.advance(Duration.ofDays(ageInDays));
        GateDecision decision = s.decide(SERVICE, "production", tickets.toArray(String[]::new));

        for (ActionItem item : s.store.state().activeItemsGuarding(SERVICE)) {
            assertThat(policy.blocks(item) && policy.warns(item)).as("%s blocks and warns", item.id()).isFalse();
            List<Finding.Kind> kinds = decision.findings().stream().filter(f -> item.equals(f.item()))
                    .map(Finding::kind).toList();
            boolean open = item.status() == ItemStatus.OPEN;
            assertThat(kinds.stream().filter(k -> k == Finding.Kind.BLOCKING || k == Finding.Kind.CARRIES_FIX).count())
                    .as("%s is blocking or carried", item.id()).isEqualTo(open && policy.blocks(item) ? 1 : 0);
            assertThat(kinds.contains(Finding.Kind.WARNING)).as("%s warns", item.id())
                    .isEqualTo(open && policy.warns(item));
            assertThat(kinds.contains(Finding.Kind.UNVERIFIED)).as("%s is unverified", item.id())
                    .isEqualTo(item.status() == ItemStatus.RESOLVED && policy.blocks(item));
            assertThat(kinds.contains(Finding.Kind.OVERDUE)).as("%s is overdue", item.id()).isEqualTo(open
                    && policy.warnOverdue() && item.isOverdue(LocalDate.ofInstant(s.clock.instant(), ZoneOffset.UTC)));
        }
        for (Finding finding : decision.findings()) {
            if (finding.blocks() && finding.item() != null) {
                assertThat(policy.blocks(finding.item())).as("dropping %s needs the Override permission",
                        finding.subject()).isTrue();
            }
        }
        boolean blocks = decision.findings().stream().anyMatch(Finding::blocks);
        boolean warns = decision.findings().stream().anyMatch(Finding::warns);
        Decision expected = blocks && !warnMode ? Decision.BLOCK : blocks || warns ? Decision.WARN : Decision.ALLOW;
        assertThat(decision.decision()).isEqualTo(expected);
        Statistics.label("decision").collect(expected);
        Statistics.label("decision").coverage(c -> {
            c.check(Decision.BLOCK).percentage(p -> p > 5);
            c.check(Decision.WARN).percentage(p -> p > 5);
            c.check(Decision.ALLOW).percentage(p -> p > 5);
        });
    }

    @Property(tries = 200)
    void droppingAnItemNeedsTheOverridePermissionExactlyWhenTheGateWouldBlockOnIt(
            @ForAll("switches") Switches switches, @ForAll("items") List<Item> items) {
        Scenario s = story(switches.policy(), items);
        GateDecision decision = s.decide(SERVICE, "production");
        for (ActionItem item : s.store.state().activeItemsGuarding(SERVICE)) {
            boolean gateBlocksOnIt = item.status() == ItemStatus.OPEN && decision.findings().stream()
                    .anyMatch(f -> item.equals(f.item()) && f.blocks());
            if (item.status() != ItemStatus.OPEN) {
                continue;
            }
            if (gateBlocksOnIt) {
                assertThatThrownBy(() -> s.gate.dropItem(Scenario.ALICE, item.id(), "not needed"))
                        .isInstanceOf(RefusedException.class).hasMessageContaining("Override permission");
            } else {
                assertThatCode(() -> s.gate.dropItem(Scenario.ALICE, item.id(), "not needed"))
                        .doesNotThrowAnyException();
            }
        }
    }

    /** A rollback of the service and its items, some resolved or dropped, under {@code policy}. */
    private static Scenario story(GatePolicy policy, List<Item> items) {
        Scenario s = new Scenario();
        s.policy = policy;
        Incident incident = s.rollback(SERVICE);
        List<ActionItem> added = new ArrayList<>();
        for (Item item : items) {
            s.tick();
            added.add(s.gate.addItem(Scenario.RELEASE_MANAGER, new NewActionItem(incident.id(), "item",
                    item.priority(), item.type(), "team", item.ticket() < TICKETS.size() ? TICKETS.get(item.ticket())
                            : null, item.fate() == 5 ? List.of("*") : null,
                    LocalDate.ofInstant(s.clock.instant(), ZoneOffset.UTC).plusDays(item.dueInDays()))));
        }
        for (int i = 0; i < items.size(); i++) {
            switch (items.get(i).fate()) {
                case 3 -> s.gate.resolveItem(Scenario.RELEASE_MANAGER, added.get(i).id(), "fix");
                case 4 -> s.gate.dropItem(Scenario.RELEASE_MANAGER, added.get(i).id(), "not needed");
                default -> {
                }
            }
        }
        s.clock.advance(Duration.ofHours(1));
        return s;
    }
}
