package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.IdsReserved;
import io.jenkins.plugins.retrogate.engine.state.Counters;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.HashChain;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern ID_FIELD = Pattern.compile(
            "\"(?:[A-Za-z]*Id|id)\":\"(INC|DEP|OVR|REQ)-(\\d{1,12})(?:-A(\\d{1,9}))?\"");

    private PgRecovery() {
    }

    /** What a walk over the table found: the good prefix, the first problem, and what follows it. */
    private record Walk(long events, long lastSequence, String lastHash, Problem problem, List<EventRow> cut) {
    }

    static VerifyReport verify(PgConnections db) {
        Walk walk = walk(db);
        List<Problem> problems = walk.problem() == null ? List.of() : List.of(walk.problem());
        long bytes = 0;
        for (EventRow row : walk.cut()) {
            bytes += row.payload().length();
        }
        int replayable = salvage(walk).kept().size();
        return new VerifyReport(db.location(), walk.problem() == null, walk.events(), walk.lastSequence(), 0, 0,
                problems, walk.cut().size(), bytes, replayable);
    }

    private static Walk walk(PgConnections db) {
        try (Connection connection = db.connect()) {
            if (!Schema.exists(connection)) {
                return new Walk(0, 0, HashChain.GENESIS, null, List.of());
            }
            Schema.version(connection, db.location());
            HashChain chain = new HashChain();
            long seq = 0;
            String prev = HashChain.GENESIS;
            while (true) {
                List<EventRow> rows = EventRow.read(connection, seq + 1, Long.MAX_VALUE, PAGE);
                if (rows.isEmpty()) {
                    return new Walk(seq, seq, prev, null, List.of());
                }
                for (int i = 0; i < rows.size(); i++) {
                    EventRow row = rows.get(i);
                    Problem problem = row.problem(chain, seq + 1, prev);
                    if (problem != null) {
                        List<EventRow> cut = new ArrayList<>(rows.subList(i, rows.size()));
                        long last = rows.get(rows.size() - 1).seq();
                        List<EventRow> more = EventRow.read(connection, last + 1, Long.MAX_VALUE, PAGE);
                        while (!more.isEmpty()) {
                            cut.addAll(more);
                            last = more.get(more.size() - 1).seq();
                            more = EventRow.read(connection, last + 1, Long.MAX_VALUE, PAGE);
                        }
                        return new Walk(seq, seq, prev, problem, cut);
                    }
                    seq = row.seq();
                    prev = row.hash();
                }
            }
        } catch (SQLException e) {
            throw db.failed("reading the events table", e);
        }
    }

    /** The cut rows that still verify on their own and link to each other, and the highest ids all cut rows name. */
    private record Found(List<EventRow> kept, List<String> left, List<Long> highest, Map<String, Integer> items) {
    }

    private static Found salvage(Walk walk) {
        HashChain chain = new HashChain();
        List<EventRow> kept = new ArrayList<>();
        List<String> left = new ArrayList<>();
        long[] highest = new long[4];
        Map<String, Integer> items = new HashMap<>();
        long lastSeq = walk.lastSequence();
        String lastHash = walk.lastHash();
        boolean gap = true;
        for (EventRow row : walk.cut()) {
            ids(row.payload(), highest, items);
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
            kept.add(row);
            lastSeq = row.seq();
            lastHash = row.hash();
            gap = false;
        }
        return new Found(kept, left, List.of(highest[0], highest[1], highest[2], highest[3]), items);
    }

    private static boolean readable(EventRow row) {
        try {
            row.event();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void ids(String text, long[] highest, Map<String, Integer> items) {
        Matcher matcher = ID_FIELD.matcher(text);
        while (matcher.find()) {
            long number = Long.parseLong(matcher.group(2));
            int kind = switch (matcher.group(1)) {
                case "INC" -> 0;
                case "DEP" -> 1;
                case "OVR" -> 2;
                default -> 3;
            };
            highest[kind] = Math.max(highest[kind], number);
            if (kind == 0 && matcher.group(3) != null) {
                items.merge("INC-" + number, Integer.parseInt(matcher.group(3)), Math::max);
            }
        }
    }

    static RepairReport repair(PgConnections db) {
        Walk walk = walk(db);
        List<Problem> problems = walk.problem() == null ? List.of() : List.of(walk.problem());
        if (walk.problem() == null) {
            return new RepairReport(db.location(), true, false, walk.events(), walk.lastSequence(), 0, null, problems,
                    0, List.of(), null);
        }
        if (walk.problem().kind() == Problem.Kind.UNSUPPORTED_FORMAT) {
            return new RepairReport(db.location(), false, false, walk.events(), walk.lastSequence(), 0, null,
                    problems, 0, List.of(), null);
        }
        Found found = salvage(walk);
        String table = cut(db, walk.lastSequence() + 1);
        long bytes = 0;
        for (EventRow row : walk.cut()) {
            bytes += row.payload().length();
        }
        int replayed = 0;
        List<String> skipped = new ArrayList<>(found.left());
        String reserved = null;
        long events;
        long lastSequence;
        try (PostgresStore store = PostgresStore.open(db, false)) {
            for (EventRow row : found.kept()) {
                Event event = row.event();
                try {
                    store.execute(state -> Change.of(null, List.of(event)));
                    replayed++;
                } catch (RuntimeException e) {
                    skipped.add("sequence " + row.seq() + " (" + EventTypes.nameOf(event) + "): " + e.getMessage());
                }
            }
            reserved = reserve(store, found);
            events = store.state().sequence();
            lastSequence = events;
        }
        return new RepairReport(db.location(), true, true, events, lastSequence, bytes, Path.of("table " + table),
                problems, replayed, skipped, reserved);
    }

    private static String reserve(PostgresStore store, Found found) {
        RetroState replayed = store.state();
        Counters now = replayed.counters();
        long[] h = found.highest().stream().mapToLong(Long::longValue).toArray();
        Map<String, Integer> items = new TreeMap<>();
        found.items().forEach((incident, number) -> {
            if (number > replayed.highestItemNumber(incident)) {
                items.put(incident, number);
            }
        });
        if (h[0] <= now.incidents() && h[1] <= now.deployments() && h[2] <= now.overrides() && h[3] <= now.requests()
                && items.isEmpty()) {
            return null;
        }
        IdsReserved event = new IdsReserved(Instant.now(), ACTOR, h[0], h[1], h[2], h[3], items,
                "named by rows a repair cut");
        store.execute(state -> Change.of(null, List.of(event)));
        StringBuilder text = new StringBuilder("INC-" + h[0] + ", DEP-" + h[1] + ", OVR-" + h[2] + ", REQ-" + h[3]);
        items.forEach((incident, number) -> text.append(", ").append(incident).append("-A").append(number));
        return text.toString();
    }

    /** Moves the rows from {@code from} on into a new table, in one transaction; returns the table's name. */
    private static String cut(PgConnections db, long from) {
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
                copy.setLong(1, from);
                copy.execute();
                delete.setLong(1, from);
                delete.executeUpdate();
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
