package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;

/**
 * Keeps a store's state up to date with what other processes record: it LISTENs on
 * {@link PostgresStore#CHANNEL} on its own connection and catches up when notified, and at least
 * every {@link #POLL} anyway (a notification can be missed while the connection is being re-made).
 * A lost connection is re-made after a pause; commands never depend on it, since they read the
 * latest rows themselves before they run.
 */
final class Follower {
    /** The safety-net poll: how stale a reader's state can be when notifications are lost. */
    static final Duration POLL = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(Follower.class.getName());

    /** What to do when there may be new rows. */
    interface CatchUp {
        void run(Connection connection) throws SQLException;
    }

    private final PgConnections db;
    private final CatchUp catchUp;
    private final Thread thread;
    private volatile boolean stopped;

    Follower(PgConnections db, CatchUp catchUp) {
        this.db = db;
        this.catchUp = catchUp;
        this.thread = new Thread(this::run, "retro-gate follower " + db.location());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(POLL.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!stopped) {
            try (Connection connection = db.connect()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + PostgresStore.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (!stopped) {
                    catchUp.run(connection);
                    notifications.getNotifications((int) POLL.toMillis());
                }
            } catch (SQLException | StoreException e) {
                if (!stopped) {
                    LOG.log(Level.WARNING, "following {0}: {1}; trying again in {2} s", db.location(),
                            e.getMessage(), POLL.toSeconds());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
