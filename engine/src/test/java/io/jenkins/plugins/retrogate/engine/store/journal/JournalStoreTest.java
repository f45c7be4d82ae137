package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.LogCapture;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {
    @TempDir
    Path dir;

    @Test
    void reopensWithTheSameStateAndEvents() {
        RetroState before;
        List<RecordedEvent> events;
        try (JournalStore store = JournalStore.open(dir, JournalOptions.defaults().withSnapshotOnCloseAfter(0))) {
            Story story = new Story(store);
            for (int i = 0; i < 20; i++) {
                story.round(i);
            }
            before = store.state();
            events = store.events(1, Integer.MAX_VALUE);
        }
        assertThat(before.sequence()).isGreaterThan(80);
        assertThat(events).hasSize((int) before.sequence());
        assertThat(events).extracting(RecordedEvent::sequence).startsWith(1L, 2L, 3L);
        assertThat(JournalFiles.snapshots(dir)).isEmpty();
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state()).isEqualTo(before);
            assertThat(store.events(1, Integer.MAX_VALUE)).isEqualTo(events);
            assertThat(store.events(before.sequence() - 2, 10)).hasSize(3);
            assertThat(store.events(before.sequence() + 1, 10)).isEmpty();
        }
    }

    @Test
    void aSnapshotRebuildsAnIdenticalStateAndStartUpReplaysOnlyTheTail() {
        RetroState atSnapshot;
        RetroState end;
        try (JournalStore store = JournalStore.open(dir, JournalOptions.defaults().withSnapshotOnCloseAfter(0))) {
            Story story = new Story(store);
            for (int i = 0; i < 30; i++) {
                story.round(i);
            }
            store.snapshot();
            atSnapshot = store.state();
            for (int i = 30; i < 35; i++) {
                story.round(i);
            }
            end = store.state();
        }
        assertThat(JournalFiles.snapshots(dir)).extracting(JournalFiles.Numbered::seq)
                .containsExactly(atSnapshot.sequence());
        Path snapshot = JournalFiles.snapshot(dir, atSnapshot.sequence());
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state()).isEqualTo(end);
        }
        assertThat(JournalStore.verify(dir).ok()).isTrue();
        assertThat(snapshot).exists();
    }

    @Test
    void rotatesSegmentsAndReadsAcrossThem() {
        RetroState end;
        try (JournalStore store = JournalStore.open(dir, JournalOptions.defaults().withSegmentBytes(8192))) {
            Story story = new Story(store);
            for (int i = 0; i < 40; i++) {
                story.round(i);
            }
            end = store.state();
            assertThat(store.events(1, Integer.MAX_VALUE)).hasSize((int) end.sequence());
        }
        assertThat(JournalFiles.segments(dir)).hasSizeGreaterThan(3);
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state()).isEqualTo(end);
            assertThat(store.events(end.sequence() - 50, 100)).extracting(RecordedEvent::sequence)
                    .first().isEqualTo(end.sequence() - 50);
        }
        VerifyReport report = JournalStore.verify(dir);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.lastSequence()).isEqualTo(end.sequence());
    }

    @Test
    @SuppressWarnings("try") // the store is held open for its lock, never used
    void aSecondOwnerIsRefusedWithTheLockFileAndHolder() {
        try (JournalStore store = JournalStore.open(dir)) {
            assertThatThrownBy(() -> JournalStore.open(dir)).isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).reason()).isEqualTo(StoreException.Reason.LOCKED))
                    .hasMessageContaining("store.lock")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        JournalStore.open(dir).close();
    }

    @Test
    void aCommandThatThrowsRecordsNothing() throws IOException {
        long store0Seq;
        int firstVersion;
        try (JournalStore store = JournalStore.open(dir, JournalOptions.defaults().withSnapshotOnCloseAfter(0))) {
            new Story(store).round(1);
            long seq = store.state().sequence();
            // each record is written with the oldest event format that holds its event
            firstVersion = EventJson.versionOf(store.events(1, 1).get(0).event());
            assertThatThrownBy(() -> store.execute(state -> {
                throw new IllegalStateException("no");
            })).hasMessage("no");
            String result = store.execute(state -> Change.of("nothing", List.of()));
            assertThat(result).isEqualTo("nothing");
            assertThat(store.state().sequence()).isEqualTo(seq);
            store0Seq = seq;
        }
        String journal = Files.readString(JournalFiles.segment(dir, 1), StandardCharsets.UTF_8);
        assertThat(journal.lines()).hasSize((int) store0Seq);
        assertThat(journal.lines().findFirst().orElseThrow()).startsWith("{\"seq\":1,\"v\":" + firstVersion + ",\"prev\":\"0000");
    }

    @Test
    void concurrentWritersShareOneForce() throws InterruptedException {
        try (JournalStore store = JournalStore.open(dir)) {
            Story story = new Story(store);
            Incident incident = story.rollback("checkout-api");
            long forcesBefore = store.forces();
            long seqBefore = store.state().sequence();
            List<Thread> threads = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int id = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 25; i++) {
                        story.item(incident, "Item " + id + "/" + i);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            long records = store.state().sequence() - seqBefore;
            long forces = store.forces() - forcesBefore;
            assertThat(records).isEqualTo(400);
            assertThat(forces).as("one fdatasync per group of writers, not per record").isLessThan(records / 2);
        }
    }

    @Test
    void waitersSpinOnlyWhileForcesAreFast() {
        long max = 1_000_000; // the default: spinMicros=1000
        assertThat(JournalWriter.spinNanos(0, max)).as("before the first force").isZero();
        assertThat(JournalWriter.spinNanos(150_000, max)).as("local SSD: twice the force").isEqualTo(300_000);
        assertThat(JournalWriter.spinNanos(500_000, max)).isEqualTo(1_000_000);
        assertThat(JournalWriter.spinNanos(600_000, max)).as("slow disk: park at once, burn no CPU").isZero();
        assertThat(JournalWriter.spinNanos(5_000_000, max)).as("NFS").isZero();
        assertThat(JournalWriter.spinNanos(150_000, 0)).as("spinMicros=0 turns spinning off").isZero();
    }

    /**
     * Writers run each other's commands (flat combining) and lead group commits for each other; with
     * small segments they also start new segments meanwhile.
     * Every caller must get its own result or its own refusal, nobody may hang, a command that records
     * nothing must not return before the state it read is durable, and the journal must hold exactly
     * the acknowledged events, gap-free, and verify.
     */
    @Test
    void concurrentWritersGetTheirOwnResultsAcrossSegmentRotations() {
        JournalOptions small = JournalOptions.defaults().withSegmentBytes(16 * 1024).withSnapshotOnCloseAfter(0);
        int threads = 16;
        int perThread = 60;
        java.util.Map<String, String> titles = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger aheadOfDisk = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger ownWriteUnseen = new java.util.concurrent.atomic.AtomicInteger();
        RetroState end = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2), () -> {
            try (JournalStore store = JournalStore.open(dir, small)) {
                Story story = new Story(store);
                Incident incident = story.rollback("checkout-api");
                List<Thread> writers = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    writers.add(new Thread(() -> {
                        for (int i = 0; i < perThread; i++) {
                            String title = "Item " + id + "/" + i;
                            String itemId = story.item(incident, title).id();
                            titles.put(itemId, title);
                            if (!store.state().items().containsKey(itemId)) {
                                ownWriteUnseen.incrementAndGet();
                            }
                            try {
                                story.gate().resolveItem(Story.ALICE, "AI-999999", "nothing");
                            } catch (RuntimeException expected) {
                                refused.incrementAndGet();
                            }
                            long seen = store.execute(state -> Change.of(state.sequence(), List.of()));
                            if (store.state().sequence() < seen) {
                                aheadOfDisk.incrementAndGet();
                            }
                        }
                    }));
                }
                writers.forEach(Thread::start);
                for (Thread writer : writers) {
                    writer.join();
                }
                return store.state();
            }
        });
        assertThat(refused).as("every refused command reached its own caller").hasValue(threads * perThread);
        assertThat(titles).as("every caller got the id of its own item").hasSize(threads * perThread);
        assertThat(aheadOfDisk).as("reads that returned a state not yet durable").hasValue(0);
        assertThat(ownWriteUnseen).as("writes whose caller did not find them in state() right after").hasValue(0);
        titles.forEach((id, title) -> assertThat(end.items().get(id).title()).isEqualTo(title));
        VerifyReport report = JournalStore.verify(dir);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.segments()).as("segments were started while writers ran").isGreaterThan(3);
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state()).isEqualTo(end);
            assertThat(store.events(1, Integer.MAX_VALUE)).extracting(RecordedEvent::sequence)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, end.sequence()).boxed().toList());
        }
    }

    /**
     * The thread holding the command lock runs the commands queued behind it; when its own command
     * then fails, the records it buffered for the others must still reach the disk and their callers
     * return — on an otherwise idle store nobody else would lead that force.
     */
    @Test
    void writersQueuedBehindAFailingCommandStillGetTheirWritesAcknowledged() throws Exception {
        try (JournalStore store = JournalStore.open(dir)) {
            Story story = new Story(store);
            Incident incident = story.rollback("checkout-api");
            java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<Throwable> refusal = new java.util.concurrent.atomic.AtomicReference<>();
            Thread failing = new Thread(() -> {
                try {
                    store.execute(state -> {
                        running.countDown();
                        awaitQuietly(release);
                        throw new IllegalArgumentException("refused on purpose");
                    });
                } catch (IllegalArgumentException e) {
                    refusal.set(e);
                }
            });
            failing.start();
            running.await();
            java.util.concurrent.ExecutorService others = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<String>> titles = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    String title = "Queued item " + i;
                    titles.add(others.submit(() -> story.item(incident, title).title()));
                }
                while (store.queued() < 3) {
                    Thread.onSpinWait();
                }
                release.countDown();
                failing.join();
                assertThat(refusal.get()).hasMessage("refused on purpose");
                for (int i = 0; i < 3; i++) {
                    assertThat(titles.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("Queued item " + i);
                }
            } finally {
                others.shutdownNow();
            }
            assertThat(store.state().items().values()).extracting(item -> item.title())
                    .contains("Queued item 0", "Queued item 1", "Queued item 2");
        }
    }

    @Test
    void aCommandCannotRunAnotherCommand() {
        try (JournalStore store = JournalStore.open(dir)) {
            assertThatThrownBy(() -> store.execute(state -> {
                long inner = store.execute(other -> Change.of(other.sequence(), List.of()));
                return Change.of(inner, List.of());
            }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("called from inside a command");
            String answer = store.execute(state -> Change.of("still usable", List.of()));
            assertThat(answer).isEqualTo("still usable");
        }
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void zerosPreallocatedAfterTheLastRecordAreNotATornWrite(@TempDir Path copy) throws IOException {
        RetroState written;
        try (JournalStore store = JournalStore.open(dir)) {
            Story story = new Story(store);
            for (int i = 0; i < 5; i++) {
                story.round(i);
            }
            written = store.state();
            // What a crash leaves behind: the files as they are while the store is open.
            for (Path file : JournalFixture.segments(dir)) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        Path segment = copy.resolve(JournalFiles.segment(dir, 1).getFileName());
        assertThat(Files.size(segment)).isGreaterThan(Files.size(JournalFiles.segment(dir, 1)));
        List<String> warnings = LogCapture.warnings(JournalStore.class, () -> {
            try (JournalStore store = JournalStore.open(copy)) {
                assertThat(store.state()).isEqualTo(written);
                new Story(store).round(9);
            }
        });
        assertThat(warnings).isEmpty();
        VerifyReport report = JournalStore.verify(copy);
        assertThat(report.problems()).as(report.summary()).isEmpty();
        assertThat(Files.readAllBytes(segment)).as("a closed store keeps no padding").doesNotContain((byte) 0);
    }

    @Test
    void writesAreVisibleToReadersOnlyOnceDurable() {
        try (JournalStore store = JournalStore.open(dir)) {
            Incident incident = new Story(store).rollback("checkout-api");
            assertThat(store.state().incident(incident.id())).isPresent();
        }
    }
}
