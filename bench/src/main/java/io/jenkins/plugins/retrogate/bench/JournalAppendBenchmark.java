package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN §4: durable event recording. Every operation is a full {@code execute}: the command runs
 * under the store's lock, the event is encoded (JSON, CRC32C, SHA-256 chain), written, forced to
 * disk with group commit and published. One writer must reach 80% of {@link RawFsyncBaseline};
 * sixteen writers at least 50,000 events/s; the figure must not depend on the store's size.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalAppendBenchmark {
    /** Events already in the store when the trial starts. */
    @Param({"1000", "1000000"})
    public int storeEvents;

    private Path dir;
    private JournalStore store;
    private int incidents;

    @Setup(Level.Trial)
    public void open() throws IOException {
        int items = storeEvents >= 1_000_000 ? 100_000 : 200;
        Path template = Journals.template(items, storeEvents, true);
        dir = Journals.copy(template, "append-");
        store = JournalStore.open(dir, Journals.NO_SNAPSHOTS);
        incidents = store.state().incidents().size();
    }

    @Benchmark
    @Threads(1)
    public Object oneWriter() {
        return append();
    }

    @Benchmark
    @Threads(16)
    public Object sixteenWriters() {
        return append();
    }

    /** One incident edit: a typical ~330-byte journal line. */
    private Object append() {
        String id = "INC-" + (1 + ThreadLocalRandom.current().nextInt(incidents));
        IncidentDetailsChanged event = new IncidentDetailsChanged(Instant.now(), "alice", id,
                "Checkout latency regression after 2.14", Severity.SEV2, null, "pool exhausted");
        return store.execute(state -> Change.of(state.sequence(), List.of(event)));
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
        BenchFiles.delete(dir);
    }
}
