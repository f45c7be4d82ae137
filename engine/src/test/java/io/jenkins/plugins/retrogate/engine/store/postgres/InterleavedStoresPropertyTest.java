package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Three stores on one database, as three controllers, take commands in a random interleaving (each
 * command on whichever store the step names, about whatever the others recorded): every acknowledged
 * command is in the log exactly once, and all three stores — and a fresh one — fold to the same state.
 */
class InterleavedStoresPropertyTest {
    private static final Actor ALICE = Actor.of("alice");
    private static final int STORES = 3;

    enum Kind { ROLLBACK, ADD_ITEM, RESOLVE_ITEM }

    /** One command: on which store, what, and which existing incident or item it picks (modulo how many there are). */
    record Step(int store, Kind kind, int pick) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, STORES - 1), Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 1_000)).as(Step::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 8)
    void storesInterleavingCommandsRecordEachAcknowledgedOneOnceAndConverge(@ForAll("steps") List<Step> steps)
            throws InterruptedException {
        String url = PostgresFixture.newDatabase();
        List<Store> stores = new ArrayList<>();
        try {
            List<RetroGate> gates = new ArrayList<>();
            for (int s = 0; s < STORES; s++) {
                Store store = PostgresFixture.backend(url).open();
                stores.add(store);
                gates.add(new RetroGate(store, GatePolicy::defaults, Clock.systemUTC()));
            }
            Map<String, String> incidents = new HashMap<>(); // id -> service, as acknowledged
            Map<String, String> items = new HashMap<>(); // id -> title
            List<String> resolved = new ArrayList<>();
            int n = 0;
            for (Step step : steps) {
                n++;
                RetroGate gate = gates.get(step.store());
                // the step picks among what any store acknowledged; the store it runs on may not have folded
                // that yet, and must read it before the command runs
                List<String> known = incidents.keySet().stream().sorted().toList();
                switch (step.kind()) {
                    case ROLLBACK -> {
                        String service = "svc-" + n;
                        Incident incident = gate.rollback(ALICE, RollbackRequest.of(service, "production", "broke"))
                                .incident();
                        assertThat(incidents.put(incident.id(), service)).as("%s handed out twice", incident.id())
                                .isNull();
                    }
                    case ADD_ITEM -> {
                        if (!known.isEmpty()) {
                            String incident = known.get(step.pick() % known.size());
                            ActionItem item = gate.addItem(ALICE, new NewActionItem(incident, "item " + n,
                                    Priority.P0, ItemType.PREVENTATIVE, "team-a", null, null, null));
                            assertThat(items.put(item.id(), "item " + n)).as("%s handed out twice", item.id()).isNull();
                        }
                    }
                    case RESOLVE_ITEM -> {
                        List<String> unresolved = items.keySet().stream().filter(id -> !resolved.contains(id)).sorted()
                                .toList();
                        if (!unresolved.isEmpty()) {
                            String item = unresolved.get(step.pick() % unresolved.size());
                            resolved.add(gate.resolveItem(ALICE, item, "commit " + n).id());
                        }
                    }
                }
            }

            try (Store fresh = PostgresFixture.backend(url).openReadOnly()) {
                var state = fresh.state();
                incidents.forEach((id, service) -> assertThat(state.incident(id)).as(id).hasValueSatisfying(
                        incident -> assertThat(incident.affectedServices()).contains(service)));
                assertThat(state.incidents()).hasSameSizeAs(incidents);
                items.forEach((id, title) -> assertThat(state.items().get(id).title()).isEqualTo(title));
                assertThat(state.items()).hasSameSizeAs(items);
                assertThat(state.items().values().stream().filter(i -> i.status() == ItemStatus.RESOLVED)
                        .map(ActionItem::id).sorted().toList()).isEqualTo(resolved.stream().sorted().toList());
                for (Store store : stores) {
                    long deadline = System.nanoTime() + Follower.POLL.multipliedBy(3).toNanos();
                    while (store.state().sequence() < state.sequence() && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    assertThat(store.state()).as("every store folds to the same state").isEqualTo(state);
                }
            }
        } finally {
            stores.forEach(Store::close);
        }
    }

}
