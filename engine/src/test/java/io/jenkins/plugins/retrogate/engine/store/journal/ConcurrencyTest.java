package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.policy.GateEvaluator;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 threads mix gate decisions (on {@code store.state()}) and writes (through the engine's
 * commands) on one journal store: no update is lost, sequence numbers are gap-free, and every
 * decision equals the one computed on the journal's prefix up to the state's sequence, so it was
 * made on a consistent, durable state.
 */
class ConcurrencyTest {
    private static final int THREADS = 64;
    private static final int OPERATIONS = 24;
    private static final int SERVICES = 8;
    private static final Instant DECIDED_AT = Instant.parse("2026-06-01T00:00:00Z");

    @TempDir
    Path dir;

    private record Decided(long sequence, GateRequest request, GateDecision decision) {
    }

    @Test
    void sixtyFourThreadsMixingDecisionsAndWritesLoseNothing() throws Exception {
        GatePolicy policy = GatePolicy.defaults();
        Queue<Decided> decisions = new ConcurrentLinkedQueue<>();
        Set<String> added = ConcurrentHashMap.newKeySet();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        RetroState end;
        int itemsBefore;
        try (JournalStore store = JournalStore.open(dir)) {
            Story story = new Story(store);
            List<Incident> incidents = new ArrayList<>();
            for (int s = 0; s < SERVICES; s++) {
                Incident incident = story.rollback("svc-" + s);
                story.item(incident, "Guard svc-" + s);
                incidents.add(incident);
            }
            itemsBefore = store.state().items().size();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int id = t;
                Thread thread = new Thread(() -> {
                    try {
                        start.await();
                        work(id, store, story, policy, incidents, decisions, added, problems);
                    } catch (Throwable e) {
                        problems.add("thread " + id + ": " + e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            long began = System.nanoTime();
            start.countDown();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
            System.out.printf("concurrency test: %d threads x %d operations in %d ms, %d events%n", THREADS,
                    OPERATIONS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began), store.state().sequence());
            assertThat(problems).isEmpty();
            end = store.state();
            List<RecordedEvent> events = store.events(1, Integer.MAX_VALUE);
            assertThat(events).extracting(RecordedEvent::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, end.sequence()).boxed().toList());
            assertThat(end.items()).hasSize(itemsBefore + added.size());
            assertThat(end.items().keySet()).containsAll(added);
            assertThat(added).hasSize(THREADS * OPERATIONS / 4);
            assertThat(RetroState.empty().applyAll(events.stream().map(RecordedEvent::event).toList()))
                    .isEqualTo(end);
            assertDecisionsWereMadeOnConsistentStates(events, decisions, policy);
        }
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state()).isEqualTo(end);
        }
        assertThat(JournalStore.verify(dir).problems()).isEmpty();
    }

    private static void work(int id, JournalStore store, Story story, GatePolicy policy, List<Incident> incidents,
            Queue<Decided> decisions, Set<String> added, Queue<String> problems) {
        long seen = 0;
        List<ActionItem> mine = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            int s = (id + i) % SERVICES;
            String service = "svc-" + s;
            long wrote = 0;
            switch (i % 4) {
                case 0 -> {
                    RetroState state = store.state();
                    GateRequest request = GateRequest.of(service, "production", null, "https://ci/job/" + id + "/",
                            "bot", List.of(), null, DECIDED_AT);
                    decisions.add(new Decided(state.sequence(), request, GateEvaluator.evaluate(state, policy, request)));
                    if (state.sequence() < seen) {
                        problems.add("thread " + id + " saw sequence go back from " + seen + " to " + state.sequence());
                    }
                    seen = state.sequence();
                }
                case 1 -> {
                    ActionItem item = story.item(incidents.get(s), "Item " + id + "/" + i);
                    if (!added.add(item.id())) {
                        problems.add("item id handed out twice: " + item.id());
                    }
                    mine.add(item);
                    wrote = store.state().sequence();
                    if (store.state().item(item.id()).isEmpty()) {
                        problems.add("thread " + id + " does not see its own item " + item.id());
                    }
                }
                case 2 -> story.gate().resolveItem(Story.ALICE, mine.get(mine.size() - 1).id(), "fix " + id + "/" + i);
                default -> story.deploy(service, Outcome.SUCCEEDED);
            }
            if (wrote > 0 && wrote < seen) {
                problems.add("thread " + id + " saw sequence go back after its write");
            }
            seen = Math.max(seen, wrote);
        }
    }

    private static void assertDecisionsWereMadeOnConsistentStates(List<RecordedEvent> events, Queue<Decided> decisions,
            GatePolicy policy) {
        List<Decided> bySequence = new ArrayList<>(decisions);
        bySequence.sort(Comparator.comparingLong(Decided::sequence));
        assertThat(bySequence).hasSize(THREADS * OPERATIONS / 4);
        Set<Long> sequences = new HashSet<>();
        RetroState state = RetroState.empty();
        int next = 0;
        for (Decided decided : bySequence) {
            while (state.sequence() < decided.sequence()) {
                RecordedEvent event = events.get(next++);
                state = state.apply(event.sequence(), event.event());
            }
            sequences.add(decided.sequence());
            assertThat(GateEvaluator.evaluate(state, policy, decided.request()))
                    .as("decision made at sequence %d", decided.sequence()).isEqualTo(decided.decision());
        }
        System.out.printf("concurrency test: %d decisions on %d distinct states%n", bySequence.size(),
                sequences.size());
        assertThat(sequences).as("decisions ran while writes went on").hasSizeGreaterThan(1);
    }
}
