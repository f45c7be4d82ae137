package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalOptions;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.nio.file.Path;

/**
 * Opens and closes the store kept in a home directory: the durable journal, the same files Jenkins
 * writes. A command that records nothing changes no file (no snapshot when it closes); commands
 * that record events write a snapshot whenever they cross a multiple of {@link #SNAPSHOT_EVERY}
 * events, so that start-up stays fast.
 */
final class Stores {
    static final long SNAPSHOT_EVERY = 1_000;

    private Stores() {
    }

    /** Whether {@code home} holds a store: a journal segment or a snapshot. */
    static boolean exists(Path home) {
        if (!java.nio.file.Files.isDirectory(home)) {
            return false;
        }
        try (var files = java.nio.file.Files.list(home)) {
            return files.map(f -> f.getFileName().toString())
                    .anyMatch(name -> name.matches("journal-\\d{20}\\.jsonl|snapshot-\\d{20}\\.json"));
        } catch (java.io.IOException e) {
            throw new io.jenkins.plugins.retrogate.engine.store.StoreException(
                    io.jenkins.plugins.retrogate.engine.store.StoreException.Reason.IO,
                    "cannot read the home " + home + ": " + e, e);
        }
    }

    static Store open(Path home) {
        return JournalStore.open(home, JournalOptions.defaults().withSnapshotOnCloseAfter(0));
    }

    static void close(Store store, long sequenceAtOpen) {
        try {
            if (store instanceof JournalStore journal
                    && journal.state().sequence() / SNAPSHOT_EVERY > sequenceAtOpen / SNAPSHOT_EVERY) {
                journal.snapshot();
            }
        } finally {
            store.close();
        }
    }
}
