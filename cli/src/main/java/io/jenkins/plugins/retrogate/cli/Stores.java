package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalOptions;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.nio.file.Path;
import java.time.Duration;

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

    /**
     * Opens the home's store, waiting up to {@code lockWait} for other processes (CLI runs of other
     * pipelines take turns); {@code readOnly} shares it with other readers and changes no file.
     */
    static Store open(Path home, Duration lockWait, boolean readOnly) {
        JournalOptions options = JournalOptions.defaults().withSnapshotOnCloseAfter(0).withLockWait(lockWait);
        return JournalStore.open(home, readOnly ? options.asReadOnly() : options);
    }

    static void close(Store store, long sequenceAtOpen) {
        try {
            if (store instanceof JournalStore journal && !journal.readOnly()
                    && journal.state().sequence() / SNAPSHOT_EVERY > sequenceAtOpen / SNAPSHOT_EVERY) {
                journal.snapshot();
            }
        } finally {
            store.close();
        }
    }
}
