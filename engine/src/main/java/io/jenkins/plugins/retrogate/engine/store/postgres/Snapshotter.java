package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes a writing process's snapshots ({@link PgSnapshots}) on a thread of its own, on a connection
 * of its own, so that no command waits for one: after a commit leaves the state
 * {@link PostgresOptions#snapshotEvery()} events past the newest snapshot. Several processes may decide
 * to at once: each first looks at the newest snapshot in the table and writes only when it is still that
 * far behind, and the primary key on the sequence keeps a second one at the same sequence out. A
 * failure (the database gone, a role without INSERT on the table) is a warning: snapshots only save
 * start-up time.
 */
final class Snapshotter {
    private static final System.Logger LOG = System.getLogger(Snapshotter.class.getName());

    private final PgConnections db;
    private final PostgresOptions options;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService thread;
    /** The newest snapshot's sequence as far as this process knows. */
    private volatile long newest;

    Snapshotter(PgConnections db, PostgresOptions options, long newest) {
        this.db = db;
        this.options = options;
        this.newest = newest;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "retro-gate snapshot " + db.location());
            t.setDaemon(true);
            return t;
        });
    }

    /** Called after this process committed, with the state and the hash of its last event. */
    void committed(RetroState state, String hash) {
        if (due(state.sequence()) && queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                try {
                    write(state, hash, false);
                } catch (SQLException | IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "store {0}: writing a snapshot at sequence {1} failed ({2}); start-up"
                            + " folds more events until one is written", db.location(), state.sequence(),
                            e.getMessage());
                } finally {
                    queued.set(false);
                }
            });
        }
    }

    private boolean due(long sequence) {
        return options.snapshotEvery() > 0 && sequence - newest >= options.snapshotEvery();
    }

    /**
     * Writes a snapshot of {@code state} now, on this thread, unless (when not {@code forced}) another
     * process wrote a recent enough one meanwhile. Returns whether a row was inserted.
     */
    boolean write(RetroState state, String hash, boolean forced) throws SQLException, IOException {
        try (Connection connection = db.connect()) {
            long inTable = PgSnapshots.newestSequence(connection);
            newest = Math.max(newest, inTable);
            if (!forced && !due(state.sequence())) {
                return false;
            }
            boolean inserted = PgSnapshots.write(connection, state, hash, options.keepSnapshots());
            newest = Math.max(newest, state.sequence());
            return inserted;
        }
    }

    /** Lets a snapshot being written finish (up to a minute), then stops. */
    void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.log(Level.WARNING, "store {0}: a snapshot still being written after a minute is abandoned",
                        db.location());
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
