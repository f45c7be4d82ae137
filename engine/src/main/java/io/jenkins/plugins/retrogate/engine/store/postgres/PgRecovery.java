package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.HashChain;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.RepairReplay;
import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import io.jenkins.plugins.retrogate.engine.store.snapshot.HistoryUnreadableException;
import io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verify and repair of a PostgreSQL store. Verify walks the whole chain read-only. Repair cuts the
 * rows from the first bad one on — copied first into a table {@code events_cut_<time>} in the same
 * database, in the transaction that deletes them — then records again, through the state's rules,
 * the cut rows that still verify on their own, and reserves every id the cut rows named. Because
 * running processes hold the cut rows' events in their folded state, repair refuses while any other
 * Retro Gate session is connected to the database.
 */
final class PgRecovery {
    /** How long repair waits for sessions that are closing to go before it refuses. */
    private static final Duration CLOSING = Duration.ofSeconds(5);
    private static final String ACTOR = "retro-gate repair";
    private static final int PAGE = 5_000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private PgRecovery() {
    }

    /**
     * What a walk over the table found: the good prefix, the first problem, what follows it, and the
     * state folded up to each snapshot's sequence (where the good prefix reaches it).
     */
    private record Walk(long lastSequence, String lastHash, Problem problem, List<EventRow> cut,
            Map<Long, RetroState> atSnapshots) {
        /** The size of the cut rows' events. */
        long cutBytes() {
            long bytes = 0;
            for (EventRow row : cut) {
                bytes += row.payload().length();
            }
            return bytes;
        }

        /** The highest sequence the walk read (rows come in order): the last cut row's, else the last good one. */
        long lastRead() {
            return cut.isEmpty() ? lastSequence : cut.get(cut.size() - 1).seq();
        }
    }

    static VerifyReport verify(PgConnections db) {
        Walk walk = walk(db);
        List<Problem> problems = new ArrayList<>();
        if (walk.problem() != null) {
            problems.add(walk.problem());
        }
        int snapshots = checkSnapshots(db, walk, problems);
        int replayable = salvage(walk).kept().size();
        return new VerifyReport(db.location(), walk.problem() == null, walk.lastSequence(), walk.lastSequence(), 0,
                snapshots, problems, walk.cut().size(), walk.cutBytes(), replayable);
    }

    /**
     * Checks every snapshot as start-up would (checksum, header, read back, its last event in the
     * chain), and compares its state with the events folded up to it; adds what is wrong to
     * {@code problems}; returns how many snapshots there are.
     */
    private static int checkSnapshots(PgConnections db, Walk walk, List<Problem> problems) {
        try (Connection connection = db.connect()) {
            List<Long> sequences = PgSnapshots.sequences(connection);
            for (long seq : sequences) {
                try {
                    RetroState state = PgSnapshots.load(connection, seq).state();
                    SnapshotFormat.whole(state); // its history decoded here: a failure is this snapshot's
                    RetroState folded = walk.atSnapshots().get(seq);
                    if (folded == null) {
                        problems.add(PgSnapshots.problem(seq, "it covers events after the first bad row"));
                    } else if (!folded.equals(state)) {
                        problems.add(PgSnapshots.problem(seq, "its state differs from the events folded up to"
                                + " sequence " + seq + " (it was not written from this chain, or was edited)"));
                    }
                } catch (IOException | HistoryUnreadableException e) {
                    problems.add(PgSnapshots.problem(seq, e.getMessage()));
                }
            }
            return sequences.size();
        } catch (SQLException e) {
            throw db.failed("reading the snapshots table", e);
        }
    }

    private static Walk walk(PgConnections db) {
        try (Connection connection = db.connect()) {
            if (!Schema.exists(connection)) {
                return new Walk(0, HashChain.GENESIS, null, List.of(), Map.of());
            }
            Schema.version(connection, db.location());
            Set<Long> snapshots = new HashSet<>(PgSnapshots.sequences(connection));
            Map<Long, RetroState> atSnapshots = new HashMap<>();
            HashChain chain = new HashChain();
            RetroState state = RetroState.empty();
            long seq = 0;
            String prev = HashChain.GENESIS;
            while (true) {
                List<EventRow> rows = EventRow.read(connection, seq + 1, Long.MAX_VALUE, PAGE);
                if (rows.isEmpty()) {
                    return new Walk(seq, prev, null, List.of(), atSnapshots);
                }
                for (int i = 0; i < rows.size(); i++) {
                    EventRow row = rows.get(i);
                    EventRow.Checked checked = row.check(chain, seq + 1, prev);
                    Problem problem = checked.problem();
                    if (problem == null) {
                        try { // as opening the store does: an event must fit the state before it
                            state = state.apply(row.seq(), checked.event());
                        } catch (RuntimeException e) {
                            problem = new Problem("table " + EventRow.TABLE, row.seq(), row.seq(),
                                    Problem.Kind.CORRUPTED, "its event does not fit the state before it ("
                                            + e.getMessage() + ")");
                        }
                    }
                    if (problem != null) {
                        List<EventRow> cut = new ArrayList<>(rows.subList(i, rows.size()));
                        long last = rows.get(rows.size() - 1).seq();
                        List<EventRow> more = EventRow.read(connection, last + 1, Long.MAX_VALUE, PAGE);
                        while (!more.isEmpty()) {
                            cut.addAll(more);
                            last = more.get(more.size() - 1).seq();
                            more = EventRow.read(connection, last + 1, Long.MAX_VALUE, PAGE);
                        }
                        return new Walk(seq, prev, problem, cut, atSnapshots);
                    }
                    seq = row.seq();
                    prev = row.hash();
                    if (snapshots.contains(seq)) {
                        atSnapshots.put(seq, state);
                    }
                }
            }
        } catch (SQLException e) {
            throw db.failed("reading the events table", e);
        }
    }

    /** The cut rows that still verify on their own and link to each other, and the highest ids all cut rows name. */
    private record Found(List<RepairReplay.Kept> kept, List<String> left, RepairReplay.CutIds ids) {
    }

    private static Found salvage(Walk walk) {
        HashChain chain = new HashChain();
        List<RepairReplay.Kept> kept = new ArrayList<>();
        List<String> left = new ArrayList<>();
        RepairReplay.CutIds ids = new RepairReplay.CutIds();
        long lastSeq = walk.lastSequence();
        String lastHash = walk.lastHash();
        boolean gap = true;
        for (EventRow row : walk.cut()) {
            ids.scan(row.payload());
            if (row.version() > EventJson.FORMAT_VERSION || !row.selfConsistent(chain) || !readable(row)) {
                gap = true;
                continue;
            }
            if (row.seq() <= lastSeq) {
                continue;
            }
            if (!gap && !row.prev().equals(lastHash)) {
                left.add("sequence " + row.seq() + ": it does not link to the row before it");
                continue;
            }
            kept.add(new RepairReplay.Kept(row.seq(), row.event()));
            lastSeq = row.seq();
            lastHash = row.hash();
            gap = false;
        }
        return new Found(kept, left, ids);
    }

    private static boolean readable(EventRow row) {
        try {
            row.event();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static RepairReport repair(PgConnections db, PostgresOptions options) {
        Walk walk = walk(db);
        List<Problem> problems = walk.problem() == null ? List.of() : List.of(walk.problem());
        if (walk.problem() == null) {
            return new RepairReport(db.location(), true, false, walk.lastSequence(), walk.lastSequence(), 0, null, problems,
                    0, List.of(), null);
        }
        if (walk.problem().kind() == Problem.Kind.UNSUPPORTED_FORMAT) {
            return new RepairReport(db.location(), false, false, walk.lastSequence(), walk.lastSequence(), 0, null,
                    problems, 0, List.of(), null);
        }
        Found found = salvage(walk);
        String table = cut(db, walk.lastSequence() + 1, walk.lastRead());
        RepairReplay.Result replayed;
        try (PostgresStore store = PostgresStore.open(db, options, false)) {
            replayed = RepairReplay.run(store, found.kept(), found.left(), found.ids(), ACTOR,
                    "named by rows a repair cut");
        }
        // as the journal's: what was kept before the cut; the replayed rows come after it
        return new RepairReport(db.location(), true, true, walk.lastSequence(), walk.lastSequence(), walk.cutBytes(),
                Path.of("table " + table),
                problems, replayed.replayed(), replayed.skipped(), replayed.reserved());
    }

    /**
     * Moves the rows from {@code from} on into a new table and deletes the snapshots that cover any of
     * them, in one transaction; returns the table's name.
     */
    private static String cut(PgConnections db, long from, long highestSeen) {
        String table = "events_cut_" + STAMP.format(Instant.now());
        try (Connection connection = db.connect()) {
            refuseWhileOthersAreConnected(db, connection);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement copy = connection.prepareStatement("CREATE TABLE " + table
                            + " AS SELECT * FROM " + EventRow.TABLE + " WHERE seq >= ?");
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM " + EventRow.TABLE
                            + " WHERE seq >= ?")) {
                statement.execute("LOCK TABLE " + EventRow.TABLE + " IN ACCESS EXCLUSIVE MODE");
                try (ResultSet last = statement.executeQuery("SELECT coalesce(max(seq), 0) FROM " + EventRow.TABLE)) {
                    last.next();
                    if (last.getLong(1) != highestSeen) { // a row came in after the walk: it would be cut unexamined
                        connection.rollback();
                        throw new StoreException(StoreException.Reason.IO, "store " + db.location() + ": rows were"
                                + " recorded while repair examined the table (up to sequence " + last.getLong(1)
                                + ", examined up to " + highestSeen + "); nothing was changed. Stop every other"
                                + " Retro Gate process using this database and run repair again.");
                    }
                }
                copy.setLong(1, from);
                copy.execute();
                delete.setLong(1, from);
                delete.executeUpdate();
                if (PgSnapshots.exists(connection)) { // derived from rows that are gone: never to be loaded again
                    try (PreparedStatement snapshots = connection.prepareStatement("DELETE FROM " + PgSnapshots.TABLE
                            + " WHERE seq >= ?")) {
                        snapshots.setLong(1, from);
                        snapshots.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            return table;
        } catch (SQLException e) {
            throw db.failed("cutting the rows from sequence " + from + " on (nothing was changed)", e);
        }
    }

    private static void refuseWhileOthersAreConnected(PgConnections db, Connection connection) throws SQLException {
        try (PreparedStatement others = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND application_name = ? AND pid <> pg_backend_pid()")) {
            others.setString(1, PgConnections.APPLICATION_NAME);
            long deadline = System.nanoTime() + CLOSING.toNanos();
            int sessions;
            do {
                try (ResultSet count = others.executeQuery()) {
                    count.next();
                    sessions = count.getInt(1);
                }
                if (sessions > 0) {
                    pause();
                }
            } while (sessions > 0 && System.nanoTime() < deadline);
            if (sessions > 0) {
                throw new StoreException(StoreException.Reason.LOCKED, "store " + db.location() + ": " + sessions
                        + " other Retro Gate session(s) are connected to this database; stop them (Jenkins"
                        + " controllers, CLI runs) before repairing: a repair cuts rows their state already"
                        + " holds. Nothing was changed.");
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Reason.IO, "interrupted while waiting for other sessions to close", e);
        }
    }
}
