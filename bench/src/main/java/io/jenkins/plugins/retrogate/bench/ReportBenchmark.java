package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.report.Report;
import io.jenkins.plugins.retrogate.engine.report.ReportBuilder;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * Issue 18: the DORA/retrospective report on the 1,000,000-event store (100,000 items, 20,000
 * incidents, 192,000 deployments, all inside the default 30-day window: the worst case), once the
 * store is open. Bar: at most 50 ms per report.
 * <ul>
 * <li>{@code report}: a new report every call (the clock moves a minute each time, so no cached
 * report is reused): what a page view costs after anything changed;</li>
 * <li>{@code reportUnchanged}: the same report asked again within the minute, nothing recorded since;</li>
 * <li>{@code firstReportAfterOpen}: the one report that folds the whole event log (done in the
 * background when Jenkins opens the store), for reference.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReportBenchmark {
    /** A minute after the workload's last event: the 30-day window holds the whole workload. */
    static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(ColdStartBenchmark.EVENTS + 60);

    private JournalStore store;
    private SteppingClock clock;
    private RetroGate engine;

    @Setup(Level.Trial)
    public void open() throws IOException {
        store = JournalStore.open(Journals.template(ColdStartBenchmark.ITEMS, ColdStartBenchmark.EVENTS, true),
                Journals.NO_SNAPSHOTS);
        clock = new SteppingClock(NOW);
        engine = new RetroGate(store, GatePolicy::defaults, clock);
        Report first = engine.report(ReportBuilder.DEFAULT_DAYS, null);
        System.out.printf("%n# report over %d services, %d incidents, %d deployments in the window%n",
                first.services().size(), first.incidents().size(),
                first.services().stream().mapToInt(s -> s.deployments()).sum());
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public Report report() {
        clock.step(Duration.ofMinutes(1));
        return engine.report(ReportBuilder.DEFAULT_DAYS, null);
    }

    @Benchmark
    public Report reportUnchanged() {
        return engine.report(ReportBuilder.DEFAULT_DAYS, null);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Report firstReportAfterOpen() {
        return new RetroGate(store, GatePolicy::defaults, Clock.fixed(NOW, ZoneOffset.UTC))
                .report(ReportBuilder.DEFAULT_DAYS, null);
    }

    /** A clock the benchmark moves on; the engine reads it from one thread here. */
    static final class SteppingClock extends Clock {
        private volatile Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void step(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
