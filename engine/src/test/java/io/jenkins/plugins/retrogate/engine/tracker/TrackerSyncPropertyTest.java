package io.jenkins.plugins.retrogate.engine.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
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
 * Random interleavings of tracker changes, people, deployments, outages and syncs (a jqwik property,
 * named *Test so that the default test run includes it). After every sync: a second sync changes
 * nothing, the tracker resolved only items whose ticket was done when it looked, and no verified
 * item's ticket was commented on twice.
 */
class TrackerSyncPropertyTest {
    private static final List<String> KEYS = List.of("PAY-1", "PAY-2", "PAY-3");

    /** What happens next: {@code kind} picks the action, {@code index} the ticket or item. */
    record Step(int kind, int index) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 2))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 200)
    void syncsAreIdempotentAndResolveOnlyOnDoneTickets(@ForAll("steps") List<Step> steps) {
        Scenario scenario = new Scenario();
        FakeTracker tracker = new FakeTracker();
        TrackerSync sync = new TrackerSync(scenario.gate, List.of(tracker), TrackerSyncOptions.defaults(),
                scenario.clock);
        Incident incident = scenario.rollback("checkout-api");
        List<ActionItem> items = new ArrayList<>();
        for (String key : KEYS) {
            items.add(scenario.item(incident, Priority.P0, ItemType.PREVENTATIVE, key));
            tracker.put(key, "To Do", false, scenario.clock.instant());
        }
        TrackerSyncState state = TrackerSyncState.empty();
        Map<String, Integer> verifiedComments = new HashMap<>();

        for (Step step : steps) {
            scenario.tick();
            String key = KEYS.get(step.index());
            ActionItem item = items.get(step.index());
            switch (step.kind()) {
                case 0 -> tracker.put(key, "Done", true, scenario.clock.instant());
                case 1 -> tracker.put(key, "Reopened", false, scenario.clock.instant());
                case 2 -> attempt(() -> scenario.gate.reopenItem(Scenario.ALICE, item.id(), "the fix did not hold"));
                case 3 -> attempt(() -> scenario.resolve(item));
                case 4 -> scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED);
                case 5 -> tracker.failNext("states", TrackerException.Kind.UNAVAILABLE);
                default -> {
                    Map<String, Boolean> doneBefore = new HashMap<>();
                    tracker.tickets.forEach((k, v) -> doneBefore.put(k, v.done()));
                    long before = scenario.store.state().sequence();
                    SyncReport report = sync.run(state);
                    state = report.state();
                    for (RecordedEvent recorded : scenario.store.events(before + 1, 1000)) {
                        if (recorded.event() instanceof ItemResolved resolved) {
                            assertThat(resolved.actor()).isEqualTo("tracker");
                            String ticket = scenario.store.state().item(resolved.itemId()).orElseThrow().ticket().key();
                            assertThat(doneBefore.get(ticket)).as("resolved from a done ticket").isTrue();
                        }
                    }
                    long after = scenario.store.state().sequence();
                    int comments = tracker.comments.size();
                    SyncReport again = sync.run(state);
                    state = again.state();
                    if (report.succeeded()) {
                        assertThat(again.changedNothing()).as("second sync after %s", report.summary()).isTrue();
                        assertThat(scenario.store.state().sequence()).isEqualTo(after);
                        assertThat(tracker.comments).hasSize(comments);
                    }
                }
            }
            for (ActionItem each : items) {
                ActionItem now = scenario.reload(each);
                if (now.status() == ItemStatus.VERIFIED) {
                    verifiedComments.put(now.ticket().key(), 0);
                }
            }
        }
        tracker.comments.forEach(key -> verifiedComments.merge(key, 1, Integer::sum));
        assertThat(verifiedComments.values()).allMatch(count -> count <= 1);
    }

    private static void attempt(Runnable command) {
        try {
            command.run();
        } catch (RetroGateException e) {
            // not allowed in this item's state: the person's action simply does not happen
        }
    }
}
