package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN §4: opening a store of 1,000,000 events (100,000 items, 20,000 incidents, 192,000
 * deployments) by replaying the whole journal (bar: 3 s) and from a snapshot (bar: 0.5 s), and the
 * heap the opened state holds (bar: 100 MB for 100,000 items), printed after each trial.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColdStartBenchmark {
    static final int ITEMS = 100_000;
    static final long EVENTS = 1_000_000;
    private Path journalOnly;
    private Path withSnapshot;
    private RetroState last;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        journalOnly = Journals.template(ITEMS, EVENTS, false);
        withSnapshot = Journals.template(ITEMS, EVENTS, true);
    }

    @Benchmark
    public RetroState replayMillionEvents() {
        try (JournalStore store = JournalStore.open(journalOnly, Journals.NO_SNAPSHOTS)) {
            last = store.state();
            return last;
        }
    }

    @Benchmark
    public RetroState startFromSnapshot() {
        try (JournalStore store = JournalStore.open(withSnapshot, Journals.NO_SNAPSHOTS)) {
            last = store.state();
            return last;
        }
    }

    @TearDown(Level.Trial)
    public void reportHeap() {
        if (last != null) {
            System.out.printf("%n# state after %d events: %d items, %d incidents, %d deployments; heap held: %.1f MB%n",
                    last.sequence(), last.items().size(), last.incidents().size(), last.deployments().size(),
                    HeapProbe.retainedMegabytes(() -> last, () -> last = null));
        }
    }
}
