package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalOptions;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Pre-built journal directories, made once per machine (they take a while at a million events)
 * and copied for each trial so every trial starts from the same files.
 */
final class Journals {
    /** No background or closing snapshots: the benchmarks decide when one is written. */
    static final JournalOptions NO_SNAPSHOTS = JournalOptions.defaults().withSnapshotEvery(0)
            .withSnapshotOnCloseAfter(0);
    private static final String COMPLETE = "template-complete";

    private Journals() {
    }

    /**
     * A journal of {@code total} workload events with {@code items} items, optionally ending with a
     * snapshot; built once under the benchmark directory and reused.
     */
    static synchronized Path template(int items, long total, boolean snapshot) throws IOException {
        Path dir = BenchFiles.root().resolve("template-" + items + "-" + total + (snapshot ? "-snapshot" : ""));
        if (Files.exists(dir.resolve(COMPLETE)) && (!snapshot || currentSnapshot(dir))) {
            return dir;
        }
        BenchFiles.delete(dir);
        long started = System.nanoTime();
        try (JournalStore store = JournalStore.open(dir, NO_SNAPSHOTS)) {
            List<Event> batch = new ArrayList<>(10_000);
            Workload.events(items, total, event -> {
                batch.add(event);
                if (batch.size() == 10_000) {
                    store.execute(state -> Change.of(null, batch));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                store.execute(state -> Change.of(null, batch));
            }
            if (snapshot) {
                store.snapshot();
            }
            System.out.printf("# built %s: %d events in %.1f s%n", dir, store.state().sequence(),
                    (System.nanoTime() - started) / 1e9);
        }
        Files.createFile(dir.resolve(COMPLETE));
        return dir;
    }

    /** Whether the template's snapshot is in this version's format (an older one would measure its reader). */
    private static boolean currentSnapshot(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> String.valueOf(f.getFileName()).startsWith("snapshot-")).toList()) {
                try (java.io.BufferedReader reader = Files.newBufferedReader(file)) {
                    String header = reader.readLine();
                    if (header != null && SnapshotFormat.header(header).format() == SnapshotFormat.FORMAT) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A fresh copy of a template for one trial. */
    static Path copy(Path template, String prefix) throws IOException {
        Path copy = Files.createTempDirectory(BenchFiles.root(), prefix);
        BenchFiles.copy(template, copy);
        Files.deleteIfExists(copy.resolve(COMPLETE));
        return copy;
    }
}
