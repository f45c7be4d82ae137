package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Measures the heap a state holds: used heap after full GCs with the state reachable, minus the
 * same without it. Also runnable on its own:
 * {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.retrogate.bench.HeapProbe}.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    static double retainedMegabytes(Supplier<Object> holder, Runnable release) {
        Object kept = holder.get();
        long with = usedAfterGc();
        if (kept.hashCode() == 42) {
            System.out.print("");
        }
        kept = null;
        release.run();
        long without = usedAfterGc();
        return (with - without) / 1e6;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws Exception {
        for (int items : new int[] {10_000, 100_000}) {
            RetroState[] state = {Workload.state(items)};
            System.out.printf("%d items, %d incidents, %d events (no padding): heap held %.1f MB%n", items,
                    state[0].incidents().size(), state[0].sequence(),
                    retainedMegabytes(() -> state[0], () -> state[0] = null));
        }
        Path dir = Journals.template(ColdStartBenchmark.ITEMS, ColdStartBenchmark.EVENTS, true);
        RetroState[] opened = new RetroState[1];
        try (JournalStore store = JournalStore.open(dir, Journals.NO_SNAPSHOTS)) {
            opened[0] = store.state();
        }
        System.out.printf("store of %d events (%d items, %d deployments): heap held %.1f MB%n",
                opened[0].sequence(), opened[0].items().size(), opened[0].deployments().size(),
                retainedMegabytes(() -> opened[0], () -> opened[0] = null));
    }
}
