package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments loses no acknowledged event: a child JVM appends as fast as it can and
 * reports what was acknowledged; the parent kills it, and the next child (and finally the parent)
 * must recover every acknowledged event with a hash chain that verifies.
 */
class CrashRecoveryTest {
    private static final int ROUNDS = 24;

    @TempDir
    Path dir;

    @Test
    void killMinusNineAtRandomMomentsLosesNoAcknowledgedEvent() throws Exception {
        Random random = new Random(Long.getLong("crash.seed", System.nanoTime()));
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        int killedWhileWriting = 0;
        int tornTails = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long before = acknowledged.size();
            Process child = start();
            CountDownLatch appending = new CountDownLatch(1);
            List<String> failures = new ArrayList<>();
            Thread reader = new Thread(() -> read(child, acknowledged, appending, failures));
            reader.start();
            // A third of the rounds kill during start-up (recovery, truncation), the rest while appending.
            boolean early = round % 3 == 0;
            if (!early) {
                assertThat(appending.await(30, TimeUnit.SECONDS)).as("child %d acknowledged a write", round).isTrue();
            }
            Thread.sleep(early ? random.nextInt(400) : random.nextInt(300));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(failures).as("child output in round %d", round).isEmpty();
            if (!early && acknowledged.size() > before) {
                killedWhileWriting++;
            }
            VerifyReport report = JournalStore.verify(dir);
            assertThat(report.ok()).as(report.summary()).isTrue();
            if (report.problems().stream().anyMatch(p -> p.kind() == Problem.Kind.TORN_TAIL)) {
                tornTails++;
            }
            long maxAcked = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            assertThat(report.lastSequence()).as("round %d: journal keeps every acknowledged event", round)
                    .isGreaterThanOrEqualTo(maxAcked);
        }
        assertThat(acknowledged).hasSizeGreaterThan(ROUNDS);
        assertThat(killedWhileWriting).as("rounds killed while appending").isGreaterThanOrEqualTo(ROUNDS / 2);
        try (JournalStore store = JournalStore.open(dir)) {
            Map<Long, String> recorded = new TreeMap<>();
            for (RecordedEvent event : store.events(1, Integer.MAX_VALUE)) {
                recorded.put(event.sequence(), ((IncidentOpened) event.event()).incidentId());
            }
            assertThat(recorded).containsAllEntriesOf(acknowledged);
            assertThat(recorded.keySet()).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, recorded.size()).boxed().toList());
            assertThat(store.state().incidents()).hasSize(recorded.size());
        }
        VerifyReport report = JournalStore.verify(dir);
        assertThat(report.ok()).as(report.summary()).isTrue();
        // the last round may have been killed mid-append: its unfinished, never acknowledged record stays
        // until the next write cuts it (opening to read changes nothing); nothing else may be reported
        assertThat(report.problems()).as(report.summary()).allMatch(p -> p.kind() == Problem.Kind.TORN_TAIL);
        assertThat(JournalFiles.segments(dir)).as("segments rotated").hasSizeGreaterThan(1);
        System.out.printf("crash test: %d rounds (%d killed mid-append, %d left a torn tail), %d acknowledged events,"
                + " %d segments, %d snapshots%n", ROUNDS, killedWhileWriting, tornTails, acknowledged.size(),
                JournalFiles.segments(dir).size(), JournalFiles.snapshots(dir).size());
    }

    private Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashingWriter.class.getName(), dir.toString());
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    private static void read(Process child, Map<Long, String> acknowledged, CountDownLatch appending,
            List<String> failures) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("READY")) {
                    // the child has started: nothing to record
                } else if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ", -1);
                    if (parts.length == 3) {
                        acknowledged.put(Long.parseLong(parts[1]), parts[2]);
                        appending.countDown();
                    }
                } else if (!line.isBlank()) {
                    failures.add(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the pipe breaks when the child dies; a half line is not an acknowledgement
        }
    }
}
