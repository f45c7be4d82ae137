package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jenkins interrupts build threads on abort and at shutdown, and an interrupt in the middle of a
 * {@code FileChannel} write or force closes the channel. These tests interrupt the threads that
 * write (and so lead group commits, start segments and write snapshots) and check that the store
 * shrugs it off: every command that returned is durable, the store keeps accepting writes, the chain
 * verifies, and each interrupted thread still finds its interrupt flag set.
 */
class InterruptTest {
    private static final int WRITERS = 6;
    private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(3);
    private static final int MAX_INTERRUPTS = 50_000;
    /** Small segments, so that segments are started (rotation) while threads are interrupted too. */
    private static final JournalOptions OPTIONS = JournalOptions.defaults().withSegmentBytes(64 * 1024)
            .withSnapshotEvery(2_000).withSnapshotOnCloseAfter(1);

    @TempDir
    Path dir;

    @Test
    void aThreadInterruptedBeforeItWritesStillWritesDurablyAndKeepsItsFlag() {
        try (JournalStore store = JournalStore.open(dir, OPTIONS)) {
            Story story = new Story(store);
            Incident incident = story.rollback("svc-a");
            Thread.currentThread().interrupt();
            ActionItem item;
            try {
                item = story.item(incident, "written while interrupted");
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt flag survives execute").isTrue();
            }
            // Before the fix the interrupt closed the segment channel and this failed for everybody.
            ActionItem after = story.item(incident, "written after");
            assertThat(store.state().items()).containsKeys(item.id(), after.id());
            Thread.currentThread().interrupt();
            try {
                store.snapshot();
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt flag survives snapshot").isTrue();
            }
            Thread.currentThread().interrupt();
            try {
                assertThat(store.events(1, 100)).hasSize((int) store.state().sequence());
            } finally {
                assertThat(Thread.interrupted()).as("the interrupt flag survives events").isTrue();
            }
        }
        try (JournalStore reopened = JournalStore.open(dir, OPTIONS)) {
            assertThat(reopened.state().items().values()).extracting(ActionItem::title)
                    .contains("written while interrupted", "written after");
        }
        assertThat(JournalStore.verify(dir).ok()).isTrue();
    }

    @Test
    void closingOnAnInterruptedThreadCompletesAndKeepsTheFlag() {
        JournalStore store = JournalStore.open(dir, OPTIONS);
        Story story = new Story(store);
        Incident incident = story.rollback("svc-a");
        story.item(incident, "before close");
        Thread.currentThread().interrupt();
        try {
            store.close();
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(JournalFiles.snapshots(dir)).as("the closing snapshot was written").isNotEmpty();
        try (JournalStore reopened = JournalStore.open(dir, OPTIONS)) {
            assertThat(reopened.state().items().values()).extracting(ActionItem::title).contains("before close");
        }
        assertThat(JournalStore.verify(dir).ok()).isTrue();
    }

    @Test
    void writersInterruptedAtRandomLoseNothingAndTheStoreStaysUsable() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        // pending[t]: an interrupt was sent to writer t and it has not seen it yet. The interrupter
        // sends a writer no new interrupt until it saw the last one, so a swallowed interrupt stays
        // pending to the end.
        AtomicIntegerArray pending = new AtomicIntegerArray(WRITERS);
        AtomicIntegerArray seen = new AtomicIntegerArray(WRITERS);
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        long reopens;
        try (JournalStore store = JournalStore.open(dir, OPTIONS)) {
            Story story = new Story(store);
            List<Incident> incidents = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                incidents.add(story.rollback("svc-" + t));
            }
            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch ready = new CountDownLatch(WRITERS);
            CountDownLatch interrupterDone = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                int id = t;
                Thread writer = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        problems.add("writer " + id + " interrupted before start");
                        return;
                    } finally {
                        ready.countDown();
                    }
                    int n = 0;
                    try {
                        while (!stop.get()) {
                            String title = "w" + id + "-" + n++;
                            if (n % 200 == 0) {
                                store.snapshot();
                            } else {
                                ActionItem item = story.item(incidents.get(id), title);
                                acknowledged.put(item.id(), title);
                            }
                            see(id, pending, seen, problems);
                        }
                    } catch (Throwable e) {
                        problems.add("writer " + id + " failed: " + e);
                    }
                    while (true) {
                        try {
                            interrupterDone.await();
                            break;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            see(id, pending, seen, problems);
                        }
                    }
                    see(id, pending, seen, problems);
                }, "writer-" + t);
                writer.start();
                writers.add(writer);
            }
            Thread interrupter = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                try {
                    ready.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                long end = System.nanoTime() + RUN_NANOS;
                while (System.nanoTime() < end && sent.get() < MAX_INTERRUPTS) {
                    int t = random.nextInt(WRITERS);
                    if (pending.compareAndSet(t, 0, 1)) {
                        writers.get(t).interrupt();
                        sent.incrementAndGet();
                    }
                    if (random.nextInt(4) == 0) {
                        Thread.onSpinWait();
                    } else {
                        // irregular gaps, so interrupts land in every phase of a write
                        long pause = System.nanoTime() + random.nextInt(20_000);
                        while (System.nanoTime() < pause) {
                            Thread.onSpinWait();
                        }
                    }
                }
                stop.set(true);
                interrupterDone.countDown();
            }, "interrupter");
            start.countDown();
            interrupter.start();
            interrupter.join(TimeUnit.SECONDS.toMillis(10));
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(10));
                assertThat(writer.isAlive()).as(writer.getName() + " finished").isFalse();
            }
            assertThat(problems).isEmpty();
            for (int t = 0; t < WRITERS; t++) {
                assertThat(pending.get(t)).as("writer %d's last interrupt was seen (not swallowed)", t).isZero();
            }
            int totalSeen = 0;
            for (int t = 0; t < WRITERS; t++) {
                totalSeen += seen.get(t);
            }
            assertThat(totalSeen).as("every interrupt sent was seen once").isEqualTo(sent.get());
            assertThat(sent.get()).isPositive();
            assertThat(acknowledged).isNotEmpty();
            reopens = store.reopens();
            // The store still takes writes from an uninterrupted thread.
            ActionItem last = story.item(incidents.get(0), "after the storm");
            acknowledged.put(last.id(), "after the storm");
        }
        System.out.printf("InterruptTest: %d interrupts, %d acknowledged writes, %d segment reopens%n", sent.get(),
                acknowledged.size(), reopens);
        try (JournalStore reopened = JournalStore.open(dir, OPTIONS)) {
            RetroState state = reopened.state();
            acknowledged.forEach((id, title) -> {
                ActionItem item = state.items().get(id);
                assertThat(item).as("acknowledged item %s (%s)", id, title).isNotNull();
                assertThat(item.title()).isEqualTo(title);
            });
        }
        VerifyReport report = JournalStore.verify(dir);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.segments()).as("segments were started during the run").isGreaterThan(1);
    }

    /** The writer checks (and clears) its interrupt flag; each interrupt must be seen exactly once. */
    private static void see(int id, AtomicIntegerArray pending, AtomicIntegerArray seen, Queue<String> problems) {
        if (Thread.interrupted()) {
            if (pending.compareAndSet(id, 1, 0)) {
                seen.incrementAndGet(id);
            } else {
                problems.add("writer " + id + " saw an interrupt nobody sent");
            }
        }
    }
}
