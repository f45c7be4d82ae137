package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Finds out what became of a transaction whose COMMIT got no answer (the connection broke): the
 * database keeps the fate of recent transactions ({@code txid_status}), so a new connection asks it
 * instead of guessing. A transaction still in progress is waited for; a database that is restarting or
 * cannot be reached is asked again until it answers (up to {@link #WAIT}: a restart takes seconds, and
 * the fate of a transaction survives it — one that was in progress when the server stopped is
 * aborted). Only when it cannot be asked within that time is the outcome reported as unknown.
 */
final class Outcome {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PAUSE_MILLIS = 100;

    private Outcome() {
    }

    /**
     * Whether the transaction {@code transaction}, which inserted up to {@code last}, was committed.
     *
     * @throws StoreException when that cannot be known; its message says so and names the row to look for
     */
    static boolean resolve(PgConnections db, long transaction, EventRow last, SQLException lost) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String problem;
            try (Connection connection = db.connect()) {
                return ask(connection, db, transaction, last, lost, deadline);
            } catch (SQLException e) {
                problem = "asking the database failed (" + e.getMessage() + ")";
            } catch (StoreException e) {
                if (e.getCause() == lost) { // the database answered, and the answer settles nothing
                    throw e;
                }
                problem = "the database cannot be reached to ask (" + e.getMessage() + ")";
            }
            if (System.nanoTime() > deadline) {
                throw unknown(db, last, problem + ", for " + WAIT.toSeconds() + " s", lost);
            }
            pause(db, last, lost);
        }
    }

    /** Asks on {@code connection}, waiting while the transaction is still in progress. */
    private static boolean ask(Connection connection, PgConnections db, long transaction, EventRow last,
            SQLException lost, long deadline) throws SQLException {
        try (PreparedStatement status = connection.prepareStatement("SELECT txid_status(?)");
                PreparedStatement row = connection.prepareStatement("SELECT hash FROM "
                        + EventRow.TABLE + " WHERE seq = ?")) {
            status.setLong(1, transaction);
            while (true) {
                String fate;
                try (ResultSet result = status.executeQuery()) {
                    result.next();
                    fate = result.getString(1);
                }
                if ("committed".equals(fate)) {
                    row.setLong(1, last.seq());
                    try (ResultSet result = row.executeQuery()) {
                        if (result.next() && last.hash().equals(result.getString(1))) {
                            return true;
                        }
                    }
                    throw unknown(db, last, "the transaction committed but row " + last.seq()
                            + " does not hold its hash", lost);
                }
                if ("aborted".equals(fate)) {
                    return false;
                }
                if (!"in progress".equals(fate) || System.nanoTime() > deadline) {
                    throw unknown(db, last, "the database says '" + fate + "' of transaction " + transaction, lost);
                }
                pause(db, last, lost);
            }
        }
    }

    private static void pause(PgConnections db, EventRow last, SQLException lost) {
        try {
            TimeUnit.MILLISECONDS.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unknown(db, last, "interrupted while waiting for the database to decide", lost);
        }
    }

    /** A verdict of "unknown"; its cause is {@code lost}, which is how {@link #resolve} tells it from a failure to ask. */
    private static StoreException unknown(PgConnections db, EventRow last, String why, SQLException lost) {
        return new StoreException(StoreException.Reason.IO, "store " + db.location()
                + ": the outcome of recording up to sequence " + last.seq() + " is unknown: the connection was lost"
                + " during COMMIT (" + lost.getMessage() + ") and " + why + ". Check with 'verify' whether row "
                + last.seq() + " holds hash " + last.hash() + " before doing it again.", lost);
    }
}
