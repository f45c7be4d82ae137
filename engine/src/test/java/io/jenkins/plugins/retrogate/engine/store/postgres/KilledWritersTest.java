package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of writer processes (separate JVMs) at random moments while they write, round after
 * round, beside one writer that is never killed: every command a process saw acknowledged is in the
 * table exactly once, nothing is recorded twice, the chain verifies, and a fresh store folds to what
 * the surviving process folded.
 */
class KilledWritersTest {
    private static final int ROUNDS = 20;
    private static final int KILLED_PER_ROUND = 2;
    /** A kill comes this long at most after the writer's first acknowledged command. */
    private static final int KILL_WITHIN_MILLIS = 250;
    /** The survivor writes all along, but slowly: every new writer folds what it wrote. */
    private static final int SURVIVOR_PAUSE_MILLIS = 20;

    @Test
    void writersKilledWhileWritingLoseNoAcknowledgedCommandAndRecordNoneTwice() throws Exception {
        String url = PostgresFixture.newDatabase();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String why = "random seed " + seed;
        Writer survivor = Writer.start(url, "survivor", SURVIVOR_PAUSE_MILLIS);
        survivor.awaitFirstAck();
        List<Writer> killed = new ArrayList<>();
        List<Writer> next = startRound(url, 1);
        for (int round = 1; round <= ROUNDS; round++) {
            List<Writer> writers = next;
            for (Writer writer : writers) {
                writer.awaitFirstAck();
            }
            // the next round's JVMs start while this round's write: the kills never wait for a start-up
            next = round < ROUNDS ? startRound(url, round + 1) : List.of();
            Collections.shuffle(writers, random);
            for (Writer writer : writers) {
                Thread.sleep(random.nextInt(KILL_WITHIN_MILLIS));
                writer.process.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-command
            }
            for (Writer writer : writers) {
                writer.awaitEnd();
            }
            killed.addAll(writers);
        }
        survivor.send("STOP");
        survivor.awaitLine("STOPPED");

        Map<String, String> acknowledged = new HashMap<>();
        for (Writer writer : concat(killed, survivor)) {
            for (String line : writer.lines()) {
                String[] parts = line.split(" ", -1);
                if (parts[0].equals("ACK")) {
                    assertThat(acknowledged.put(parts[2], parts[1])).as("%s acknowledged twice (%s)", parts[2], why)
                            .isNull();
                }
            }
        }
        long sequence;
        try (Store fresh = PostgresFixture.backend(url).openReadOnly()) {
            Map<String, List<String>> recorded = new HashMap<>();
            for (Incident incident : fresh.state().incidents().values()) {
                recorded.computeIfAbsent(incident.title(), title -> new ArrayList<>()).add(incident.id());
            }
            acknowledged.forEach((title, id) -> assertThat(recorded.get(title))
                    .as("acknowledged %s as %s (%s)", title, id, why).containsExactly(id));
            assertThat(recorded.values()).as("no command recorded twice (%s)", why).allMatch(ids -> ids.size() == 1);
            sequence = fresh.state().sequence();
            assertThat(sequence).isEqualTo(fresh.state().incidents().size());

            survivor.send("AWAIT " + sequence);
            survivor.awaitEnd();
            assertThat(survivor.lines()).as("the survivor's fold is the fresh store's (%s)", why)
                    .contains("STATE " + sequence + " " + WriterProcess.digest(fresh.state()));
            System.out.printf("%d writer processes killed in %d rounds; %d commands acknowledged, %d recorded"
                    + " (%d recorded but killed before acknowledging)%n", killed.size(), ROUNDS, acknowledged.size(),
                    sequence, sequence - acknowledged.size());
        }
        VerifyReport report = PostgresFixture.backend(url).verify();
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.events()).isEqualTo(sequence).isGreaterThanOrEqualTo(acknowledged.size());
    }

    private static List<Writer> startRound(String url, int round) throws IOException {
        List<Writer> writers = new ArrayList<>();
        for (int w = 1; w <= KILLED_PER_ROUND; w++) {
            writers.add(Writer.start(url, "r" + round + "w" + w, 0));
        }
        return writers;
    }

    private static List<Writer> concat(List<Writer> writers, Writer one) {
        List<Writer> all = new ArrayList<>(writers);
        all.add(one);
        return all;
    }

    /** A {@link LoopingWriter} process; what it prints goes to a file, so that a kill loses none of it. */
    private static final class Writer {
        final Process process;
        private final Path output;

        private Writer(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        static Writer start(String url, String name, int pauseMillis) throws IOException {
            Path output = Files.createTempFile("retro-gate-writer-" + name, ".out");
            output.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-cp",
                    System.getProperty("java.class.path"), LoopingWriter.class.getName(), url, PostgresFixture.USER,
                    name, Integer.toString(pauseMillis));
            builder.environment().put("RG_TEST_PASSWORD", PostgresFixture.PASSWORD);
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.redirectOutput(output.toFile());
            return new Writer(builder.start(), output);
        }

        void awaitFirstAck() throws InterruptedException {
            awaitLine(line -> line.startsWith("ACK "), "a first ACK");
        }

        void awaitLine(String expected) throws InterruptedException {
            awaitLine(expected::equals, expected);
        }

        private void awaitLine(Predicate<String> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (lines().stream().noneMatch(wanted) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(lines()).as("writer %s printed %s", process.pid(), what).anyMatch(wanted);
        }

        void send(String line) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        void awaitEnd() throws InterruptedException {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        }

        /** The complete lines printed so far (a line being written when it was killed is left out). */
        List<String> lines() {
            try {
                String text = Files.readString(output, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n');
                return end < 0 ? List.of() : text.substring(0, end).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
