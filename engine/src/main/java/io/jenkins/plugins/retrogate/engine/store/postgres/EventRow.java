package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.HashChain;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of the {@code events} table: one event with its place in the hash chain, hashed exactly as
 * a journal record is ({@link HashChain}) over the event's JSON as {@link EventJson} writes it. The
 * payload is kept as text, not {@code jsonb}, because the hash covers its exact bytes.
 */
record EventRow(long seq, int version, String type, String payload, String prev, String hash) {
    static final String TABLE = "events";
    private static final String COLUMNS = "seq, format_version, type, payload, prev, hash";

    /** The row that records {@code event} as number {@code seq} after the record whose hash is {@code prev}. */
    static EventRow of(HashChain chain, long seq, String prev, Event event) {
        byte[] json = EventJson.bytes(event); // the journal's bytes: a store moved between them keeps its hashes
        int version = EventJson.versionOf(event);
        return new EventRow(seq, version, EventTypes.nameOf(event), new String(json, StandardCharsets.UTF_8), prev,
                chain.hash(seq, version, prev, json));
    }

    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE
            + " WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?";

    /**
     * Takes the writers' turn ({@code pg_advisory_xact_lock(lock)}) and reads up to {@code limit} rows
     * from sequence {@code from} on, in one round trip: two statements sent together. The read is a
     * statement of its own so that, at READ COMMITTED, it sees every row committed before the turn was
     * ours (one statement's snapshot would be taken before it waited for the lock). The transaction's
     * id goes to {@code transaction[0]}.
     */
    static List<EventRow> lockAndRead(Connection connection, long lock, long from, int limit, long[] transaction)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pg_advisory_xact_lock(?), txid_current(); " + SELECT)) {
            statement.setLong(1, lock);
            statement.setLong(2, from);
            statement.setLong(3, Long.MAX_VALUE);
            statement.setInt(4, limit);
            statement.execute();
            try (ResultSet turn = statement.getResultSet()) {
                turn.next();
                transaction[0] = turn.getLong(2);
            }
            if (!statement.getMoreResults()) {
                throw new SQLException("the database answered the writers' turn without the rows after it");
            }
            try (ResultSet result = statement.getResultSet()) {
                return rows(result);
            }
        }
    }

    /** Up to {@code limit} rows from sequence {@code from} on, in order. */
    static List<EventRow> read(Connection connection, long from, long to, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setLong(1, from);
            select.setLong(2, to);
            select.setInt(3, limit);
            try (ResultSet result = select.executeQuery()) {
                return rows(result);
            }
        }
    }

    private static List<EventRow> rows(ResultSet result) throws SQLException {
        List<EventRow> rows = new ArrayList<>();
        while (result.next()) {
            rows.add(new EventRow(result.getLong(1), result.getInt(2), result.getString(3), result.getString(4),
                    result.getString(5), result.getString(6)));
        }
        return rows;
    }

    /**
     * Inserts rows and notifies the followers in one statement, one round trip while the writers' turn
     * is held: the rows' columns as arrays, then the channel; the notification carries the last sequence.
     */
    static final String INSERT_AND_NOTIFY = "WITH added AS (INSERT INTO " + TABLE + " (" + COLUMNS + ")"
            + " SELECT * FROM unnest(?::bigint[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[])"
            + " RETURNING seq) SELECT pg_notify(?, max(seq)::text) FROM added";

    /** {@link #INSERT_AND_NOTIFY}, then the transaction's {@code COMMIT}, sent together. */
    static final String INSERT_NOTIFY_AND_COMMIT = INSERT_AND_NOTIFY + "; COMMIT";

    /** Binds {@code rows} and {@code channel} to a statement prepared with {@link #INSERT_AND_NOTIFY}. */
    static void bind(PreparedStatement statement, List<EventRow> rows, String channel) throws SQLException {
        int n = rows.size();
        Long[] seqs = new Long[n];
        Integer[] versions = new Integer[n];
        String[][] text = new String[4][n];
        for (int i = 0; i < n; i++) {
            EventRow row = rows.get(i);
            seqs[i] = row.seq;
            versions[i] = row.version;
            text[0][i] = row.type;
            text[1][i] = row.payload;
            text[2][i] = row.prev;
            text[3][i] = row.hash;
        }
        Connection connection = statement.getConnection();
        statement.setArray(1, connection.createArrayOf("bigint", seqs));
        statement.setArray(2, connection.createArrayOf("integer", versions));
        for (int column = 0; column < 4; column++) {
            statement.setArray(3 + column, connection.createArrayOf("text", text[column]));
        }
        statement.setString(7, channel);
    }

    /** Whether the hash is that of this row's own bytes (whatever the row before it). */
    boolean selfConsistent(HashChain chain) {
        return prev != null && prev.length() == HashChain.HEX_LENGTH
                && chain.hash(seq, version, prev, payload.getBytes(StandardCharsets.UTF_8)).equals(hash);
    }

    /** The event, read strictly. */
    Event event() {
        return EventJson.read(payload);
    }

    /**
     * This row checked where it follows a row with sequence {@code expectedSeq - 1} and hash
     * {@code expectedPrev}: its event, decoded once, when it is a good next record, else what is wrong
     * with it.
     */
    Checked check(HashChain chain, long expectedSeq, String expectedPrev) {
        if (version > EventJson.FORMAT_VERSION) {
            return problem(Problem.Kind.UNSUPPORTED_FORMAT, "format version " + version
                    + " was written by a newer Retro Gate (this one reads up to " + EventJson.FORMAT_VERSION
                    + "): upgrade Retro Gate");
        }
        String broken = HashChain.brokenLink(expectedSeq, expectedPrev, seq, prev);
        if (broken != null) {
            return problem(Problem.Kind.CORRUPTED, broken);
        }
        if (!selfConsistent(chain)) {
            return problem(Problem.Kind.CORRUPTED, HashChain.HASH_MISMATCH);
        }
        Event event;
        try {
            event = event();
        } catch (IllegalArgumentException e) {
            return problem(Problem.Kind.CORRUPTED, "its event cannot be read (" + e.getMessage() + ")");
        }
        if (!EventTypes.nameOf(event).equals(type)) {
            return problem(Problem.Kind.CORRUPTED, "type '" + type + "' is not the payload's event type");
        }
        return new Checked(event, null);
    }

    /** A row's event when it checked out ({@code problem} null), else what is wrong with the row. */
    record Checked(Event event, Problem problem) {}

    private Checked problem(Problem.Kind kind, String message) {
        return new Checked(null, new Problem("table " + TABLE, seq, seq, kind, message));
    }
}
