package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The durable journal in a directory (the default backend; see {@code docs/storage.md}): the same
 * files whether Jenkins or the CLI opens them.
 */
public final class JournalBackend implements StoreBackend {
    private final Path directory;
    private final JournalOptions options;

    /** The journal in {@code directory}, opened with {@code options} (their read-only flag is chosen per open). */
    public JournalBackend(Path directory, JournalOptions options) {
        this.directory = directory.toAbsolutePath().normalize();
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The journal's directory. */
    public Path directory() {
        return directory;
    }

    /** The options it opens with. */
    public JournalOptions options() {
        return options;
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public boolean exists() {
        return JournalStore.exists(directory);
    }

    /** Decodes a snapshot's history only when a command reads it ({@link JournalOptions#historyOnDemand()}). */
    @Override
    public StoreBackend forOneCommand() {
        return new JournalBackend(directory, options.withHistoryOnDemand());
    }

    @Override
    public Store open() {
        return JournalStore.open(directory, options.asReadWrite());
    }

    @Override
    public Store openReadOnly() {
        return JournalStore.open(directory, options.asReadOnly());
    }

    @Override
    public VerifyReport verify() {
        return JournalStore.verify(directory);
    }

    @Override
    public RepairReport repair() {
        return JournalStore.repair(directory);
    }

    @Override
    public String toString() {
        return "journal at " + directory;
    }
}
