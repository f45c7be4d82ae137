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

    /** Whether {@code home} holds a store (the journal's own file names decide). */
    static boolean exists(Path home) {
        return JournalStore.exists(home);
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
