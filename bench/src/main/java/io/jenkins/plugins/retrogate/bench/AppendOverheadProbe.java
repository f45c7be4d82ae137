package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The journal's single-writer overhead over a raw append+fdatasync, measured so that machine noise
 * cancels out: blocks of raw appends and of journal appends alternate in one process (ABAB…), each
 * pair a fraction of a second apart, and the ratio is taken per pair. JMH runs the two one after
 * the other, minutes apart, which on a shared, busy machine says more about the neighbours than
 * about the journal. Run:
 * {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.retrogate.bench.AppendOverheadProbe [pairs] [block]}
 */
public final class AppendOverheadProbe {
    private AppendOverheadProbe() {
    }

    public static void main(String[] args) throws IOException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory(BenchFiles.root(), "overhead-");
        byte[] line = Arrays.copyOf(("{\"seq\":1,\"event\":\"" + "x".repeat(270) + "\"}").getBytes(StandardCharsets.US_ASCII), 300);
        line[299] = '\n';
        try (FileChannel raw = FileChannel.open(dir.resolve("raw.jsonl"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
                JournalStore store = JournalStore.open(dir.resolve("journal"), Journals.NO_SNAPSHOTS)) {
            store.execute(state -> Change.of(null, List.of(new IncidentOpened(Instant.now(), "alice", "INC-1",
                    "Checkout latency", Severity.SEV2, List.of("checkout"), Detection.MANUAL, Instant.now(), null,
                    null, null))));
            long[] position = {0};
            Runnable rawAppend = () -> {
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        position[0] += raw.write(buffer, position[0]);
                    }
                    raw.force(false);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            Runnable journalAppend = () -> store.execute(state -> Change.of(null, List.of(
                    new IncidentDetailsChanged(Instant.now(), "alice", "INC-1",
                            "Checkout latency regression after 2.14", Severity.SEV2, null, "pool exhausted"))));
            for (int i = 0; i < 3; i++) {
                time(rawAppend, block);
                time(journalAppend, block);
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> rawRates = new ArrayList<>();
            List<Double> journalRates = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                boolean rawFirst = i % 2 == 0;
                double first = time(rawFirst ? rawAppend : journalAppend, block);
                double second = time(rawFirst ? journalAppend : rawAppend, block);
                double rawRate = rawFirst ? first : second;
                double journalRate = rawFirst ? second : first;
                rawRates.add(rawRate);
                journalRates.add(journalRate);
                ratios.add(journalRate / rawRate);
            }
            System.out.printf("%d pairs of %d appends: raw append+fdatasync median %.0f/s, journal median %.0f/s;"
                    + " journal/raw per pair: median %.0f%%, quartiles %.0f%%..%.0f%%%n", pairs, block,
                    median(rawRates), median(journalRates), 100 * median(ratios), 100 * quantile(ratios, 0.25),
                    100 * quantile(ratios, 0.75));
        } finally {
            BenchFiles.delete(dir);
        }
    }

    /** Operations per second over {@code count} runs of {@code action}. */
    private static double time(Runnable action, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            action.run();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    private static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }
}
