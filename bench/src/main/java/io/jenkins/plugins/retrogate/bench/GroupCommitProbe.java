package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a group commit costs besides the disk: N threads append incident edits (as
 * {@link JournalAppendBenchmark} does) for a few seconds after a warm-up, and the probe reports
 * writes/s, records per {@code fdatasync}, context switches and process CPU per write. It is how the
 * coordination costs in {@code docs/performance.md} were found (pointing the bench directory at a
 * tmpfs takes the disk out). Run:
 * {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.retrogate.bench.GroupCommitProbe [threads] [seconds] [storeEvents] [incidents touched]}
 */
public final class GroupCommitProbe {
    private GroupCommitProbe() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int storeEvents = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        int items = storeEvents >= 1_000_000 ? 100_000 : 200;
        Path dir = Journals.copy(Journals.template(items, storeEvents, true), "probe-");
        try (JournalStore store = JournalStore.open(dir, Journals.NO_SNAPSHOTS)) {
            int all = store.state().incidents().size();
            // the writers edit incidents picked at random among the first N (default: all of them)
            int incidents = args.length > 3 ? Math.min(all, Integer.parseInt(args[3])) : all;
            AtomicLong writes = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread writer = new Thread(() -> {
                    while (!stop.get()) {
                        String id = "INC-" + (1 + ThreadLocalRandom.current().nextInt(incidents));
                        IncidentDetailsChanged event = new IncidentDetailsChanged(Instant.now(), "alice", id,
                                "Checkout latency regression after 2.14", Severity.SEV2, null, "pool exhausted");
                        store.execute(state -> Change.of(state.sequence(), List.of(event)));
                        writes.incrementAndGet();
                    }
                });
                writers.add(writer);
                writer.start();
            }
            Thread.sleep(2_000);
            long writes0 = writes.get();
            long forces0 = store.forces();
            long switches0 = contextSwitches();
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            double n = writes.get() - writes0;
            double elapsed = System.nanoTime() - start;
            long forces = store.forces() - forces0;
            long switches = contextSwitches() - switches0;
            long cpu = processCpuNanos() - cpu0;
            stop.set(true);
            for (Thread writer : writers) {
                writer.join();
            }
            System.out.printf("%d threads, %d of %d incidents: %.0f writes/s, %.2f records per force, %s context switches and %.1f µs CPU"
                    + " per write%n", threads, incidents, all, n * 1e9 / elapsed, n / forces,
                    switches < 0 ? "n/a" : String.format("%.2f", switches / n), cpu / 1e3 / n);
        } finally {
            BenchFiles.delete(dir);
        }
    }

    /** Voluntary and involuntary context switches of all this process's threads; -1 where /proc is missing. */
    private static long contextSwitches() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long total = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.contains("ctxt_switches")) {
                            total += Long.parseLong(line.replaceAll("\\D", ""));
                        }
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return total;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }
}
