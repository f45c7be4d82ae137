package io.jenkins.plugins.retrogate.engine.store.postgres;

/**
 * How a {@link PostgresBackend}'s stores keep snapshots of the folded state in the database.
 *
 * @param snapshotEvery a process that records events writes a snapshot in the background once the
 *                      newest one is this many events behind (0: never); a read-only session never writes one
 * @param keepSnapshots how many snapshots the table keeps (at least 1): older ones are deleted by the writer
 */
public record PostgresOptions(long snapshotEvery, int keepSnapshots) {

    public PostgresOptions {
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery " + snapshotEvery + " must not be negative (0: never)");
        }
        if (keepSnapshots < 1) {
            throw new IllegalArgumentException("keepSnapshots " + keepSnapshots + " must be at least 1");
        }
    }

    /** A snapshot every 100,000 events (as the journal's), the three newest kept. */
    public static PostgresOptions defaults() {
        return new PostgresOptions(100_000, 3);
    }

    public PostgresOptions withSnapshotEvery(long events) {
        return new PostgresOptions(events, keepSnapshots);
    }

    public PostgresOptions withKeepSnapshots(int count) {
        return new PostgresOptions(snapshotEvery, count);
    }
}
