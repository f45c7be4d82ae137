package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.nio.file.Path;

/** Opens the store kept in a home directory: the durable journal, the same files Jenkins writes. */
final class Stores {
    private Stores() {
    }

    static Store open(Path home) {
        return JournalStore.open(home);
    }
}
