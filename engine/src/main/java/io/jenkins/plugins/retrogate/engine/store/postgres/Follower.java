package io.jenkins.plugins.retrogate.engine.store.postgres;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

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
    /** The sequence of the last row the store folded. */
    private final LongSupplier folded;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Connection connection;
    /** Why following fails, since the first failure in a row; {@code null} once a catch-up succeeds. */
    private volatile String trouble;

    Follower(PgConnections db, CatchUp catchUp, LongSupplier folded) {
        this.db = db;
        this.catchUp = catchUp;
        this.folded = folded;
        this.thread = new Thread(this::run, "retro-gate follower " + db.location());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops following: the connection is cut, so that a wait for notifications ends at once. */
    void stop() {
        stopped = true;
        Connection current = connection;
        if (current != null) {
            try {
                current.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "cutting the follower connection: {0}", e.getMessage());
            }
        }
        thread.interrupt();
        try {
            thread.join(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        int failures = 0;
        while (!stopped) {
            try (Connection listening = db.connect()) {
                this.connection = listening;
                if (stopped) {
                    return;
                }
                try (Statement listen = listening.createStatement()) {
                    listen.execute("LISTEN " + PostgresStore.CHANNEL);
                }
                PGConnection notifications = listening.unwrap(PGConnection.class);
                boolean due = true;
                while (!stopped) {
                    if (due) {
                        catchUp.run(listening);
                        failures = 0;
                        trouble = null;
                    }
                    PGNotification[] told = notifications.getNotifications((int) POLL.toMillis());
                    due = told == null || told.length == 0 || anyAfter(told, folded.getAsLong());
                }
            } catch (SQLException | RuntimeException e) { // never let the thread die: a dead follower is a stale state
                if (!stopped) {
                    failures++;
                    if (trouble == null) {
                        trouble = "the database " + db.location() + " cannot be followed since "
                                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " (" + e.getMessage().strip()
                                + "): until it answers again, every command fails, production gates included";
                    }
                    Duration wait = backOff(failures);
                    LOG.log(Level.WARNING, "following {0}: {1}; trying again in {2} s", db.location(),
                            e.getMessage(), wait.toSeconds());
                    pause(wait);
                }
            }
        }
    }

    /** Why following has failed since the last success, or {@code null}. */
    String trouble() {
        return trouble;
    }

    /**
     * Whether a notification names a row after {@code sequence}. Each names the last row its commit
     * added; this process's own commits, and rows its commands already read, need no round trip. A
     * payload that is not a number counts as new.
     */
    static boolean anyAfter(PGNotification[] told, long sequence) {
        for (PGNotification notification : told) {
            try {
                if (Long.parseLong(notification.getParameter()) > sequence) {
                    return true;
                }
            } catch (NumberFormatException e) {
                return true;
            }
        }
        return false;
    }

    /** The poll's interval, doubled for each failure in a row, at most a minute (a damaged row fails every time). */
    static Duration backOff(int failures) {
        long seconds = POLL.toSeconds() << Math.min(failures - 1, 5);
        return Duration.ofSeconds(Math.min(seconds, 60));
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
