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

    /** Opens and closes the store in its own frame, so no dead local keeps the store reachable. */
    private static RetroState open(Path dir) {
        try (JournalStore store = JournalStore.open(dir, Journals.NO_SNAPSHOTS)) {
            return store.state();
        }
    }

    public static void main(String[] args) throws Exception {
        for (int items : new int[] {10_000, 100_000}) {
            RetroState[] state = {Workload.state(items)};
            System.out.printf("%d items, %d incidents, %d events (no padding): heap held %.1f MB%n", items,
                    state[0].incidents().size(), state[0].sequence(),
                    retainedMegabytes(() -> state[0], () -> state[0] = null));
        }
        RetroState full = Workload.state(100_000);
        RetroState[] withoutDeployments = {new RetroState(full.sequence(), full.incidents(), full.items(),
                full.activeItemsByService(), full.itemsByIncident(), full.openIncidentByService(),
                full.rollbackIncidentByService(), org.pcollections.TreePMap.empty(), full.overrides(),
                full.overridesByTarget(), full.requests(), full.pendingRequestByTarget(), full.counters(),
                full.decisionsByBuild(), full.partialApprovals())};
        full = null;
        System.out.printf("the same without its %s deployments: heap held %.1f MB%n", "80,000",
                retainedMegabytes(() -> withoutDeployments[0], () -> withoutDeployments[0] = null));
        Path dir = Journals.template(ColdStartBenchmark.ITEMS, ColdStartBenchmark.EVENTS, true);
        RetroState[] opened = {open(dir)};
        System.out.printf("store of %d events (%d items, %d deployments): heap held %.1f MB%n",
                opened[0].sequence(), opened[0].items().size(), opened[0].deployments().size(),
                retainedMegabytes(() -> opened[0], () -> opened[0] = null));
    }
}
