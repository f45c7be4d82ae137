package io.jenkins.plugins.retrogate.engine.store.postgres;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.postgresql.PGStatement;

/**
 * Snapshots of the folded state in the {@code snapshots} table, so that a new process folds only
 * the rows after the newest one instead of every row. A snapshot is the journal's snapshot encoding
 * ({@link SnapshotFormat}) in a {@code bytea}, with the sequence and chain hash of the last event it
 * covers and the SHA-256 of its bytes. One is used only when its checksum holds, it reads back, and
 * the events table holds, at its sequence, the row with its hash: anything else is skipped with a
 * warning (an older snapshot or every row is folded instead), never folded into a wrong state.
 * Snapshots are derived data: deleting them only makes the next start-up slower.
 */
final class PgSnapshots {
    static final String TABLE = "snapshots";
    private static final System.Logger LOG = System.getLogger(PgSnapshots.class.getName());

    private PgSnapshots() {
    }

    /** A snapshot read back and checked: the state and the chain hash of its last event. */
    record Loaded(RetroState state, String hash) {
    }

    /** One row of the table, with the first bytes of its value. */
    private static final class Row {
        final String hash;
        final String checksum;
        final long size;
        final byte[] data;

        Row(String hash, String checksum, long size, byte[] data) {
            this.hash = hash;
            this.checksum = checksum;
            this.size = size;
            this.data = data;
        }
    }

    static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /** The snapshots' sequence numbers, newest first (none when the table is not there). */
    static List<Long> sequences(Connection connection) throws SQLException {
        List<Long> sequences = new ArrayList<>();
        if (!exists(connection)) {
            return sequences;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT seq FROM " + TABLE + " ORDER BY seq DESC")) {
            while (rows.next()) {
                sequences.add(rows.getLong(1));
            }
        }
        return sequences;
    }

    /**
     * The newest snapshot that checks out, or {@code null} (then every row is folded). A snapshot that
     * does not is skipped with a warning; when the table cannot be read (a role not granted SELECT on
     * it), the store still opens, folding every row.
     */
    static Loaded newest(Connection connection, PgConnections db, long below) {
        String location = db.location();
        try {
            for (long seq : sequences(connection)) {
                if (seq >= below) {
                    continue;
                }
                try {
                    try {
                        return load(connection, db, seq);
                    } catch (NoSecondConnection e) { // a full server, a pool of one: every part on this one
                        LOG.log(Level.DEBUG, "store {0}: {1}", location, e.getMessage());
                        return load(connection, null, seq);
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "store {0}: ignoring the snapshot at sequence {1} in table {2} ({3});"
                            + " the events are folded from an older snapshot or from the first. Run ''verify''"
                            + " for a report.", location, seq, TABLE, e.getMessage());
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "store {0}: the snapshots cannot be read ({1}); every event is folded from the"
                    + " first, which takes longer", location, e.getMessage());
        }
        return null;
    }

    /** The snapshot at {@code seq}, checked, every part fetched on {@code connection}. */
    static Loaded load(Connection connection, long seq) throws SQLException, IOException {
        return load(connection, null, seq);
    }

    /** How much of a snapshot is fetched first: enough for its header line. */
    private static final int HEAD = 1 << 16;

    /**
     * The snapshot at {@code seq}, checked: its checksum, its header, that it reads back, and that the
     * events table holds its last event. What a gate needs comes first in a snapshot and is fetched
     * first; its history (see {@link SnapshotFormat#historyOffset}) is fetched meanwhile on a second
     * connection from {@code db} (on {@code connection} afterwards when there is none), and checked
     * before this returns: the whole value's checksum and each section's.
     *
     * @throws IOException saying what does not check
     */
    static Loaded load(Connection connection, @CheckForNull PgConnections db, long seq)
            throws SQLException, IOException {
        Row row = read(connection, seq);
        if (row == null) {
            throw new IOException("it is gone (deleted meanwhile)");
        }
        long split = split(row);
        byte[] front = row.data.length >= split ? Arrays.copyOf(row.data, (int) split)
                : concat(row.data, range(connection, seq, row.data.length, split));
        CompletableFuture<byte[]> rest;
        if (split >= row.size) {
            rest = CompletableFuture.completedFuture(new byte[0]);
        } else if (db != null) {
            rest = CompletableFuture.supplyAsync(() -> {
                Connection second;
                try {
                    second = db.connect();
                } catch (RuntimeException e) {
                    throw new CompletionException(new NoSecondConnection(e));
                }
                try (second) {
                    return range(second, seq, split, row.size);
                } catch (SQLException | IOException | RuntimeException e) {
                    throw new CompletionException(new IOException("the rest of it could not be fetched ("
                            + e.getMessage() + ")", e));
                }
            }, CHECKSUMS);
        } else {
            rest = CompletableFuture.completedFuture(range(connection, seq, split, row.size));
        }
        // the SHA-256 of tens of MB takes about as long as decoding them: both at once, the state used only if it holds
        CompletableFuture<String> sum = CompletableFuture.supplyAsync(() -> checksum(front, rest), CHECKSUMS);
        Loaded loaded;
        try {
            loaded = decode(connection, seq, row.hash, SnapshotFormat.Source.of(front, row.size, rest), front);
        } catch (IOException e) {
            requireChecksum(sum, row.checksum); // damage says so first
            throw e;
        } catch (RuntimeException e) { // a header the model refuses
            requireChecksum(sum, row.checksum);
            throw new IOException("it cannot be read back (" + e.getMessage() + ")", e);
        }
        requireChecksum(sum, row.checksum);
        return loaded;
    }

    /** The database gave no second connection to fetch a snapshot's history on. */
    private static final class NoSecondConnection extends IOException {
        private static final long serialVersionUID = 1L;

        NoSecondConnection(RuntimeException cause) {
            super("no second connection for the snapshot's history (" + cause.getMessage() + "); fetching every"
                    + " part on the first", cause);
        }
    }

    /** Where the part fetched first ends: the whole value when its header cannot say (decoding will tell why). */
    private static long split(Row row) {
        int newline = indexOf(row.data, (byte) '\n');
        if (newline < 0) {
            return row.size;
        }
        try {
            SnapshotFormat.Header header = SnapshotFormat.header(new String(row.data, 0, newline,
                    StandardCharsets.UTF_8));
            return header.format() > SnapshotFormat.FORMAT ? row.size
                    : Math.max(newline + 1L, SnapshotFormat.historyOffset(header, row.size));
        } catch (IOException | RuntimeException e) {
            return row.size;
        }
    }

    private static byte[] concat(byte[] one, byte[] other) {
        byte[] both = Arrays.copyOf(one, one.length + other.length);
        System.arraycopy(other, 0, both, one.length, other.length);
        return both;
    }

    /** The snapshot's header checked against its row and the events table, and its state read back. */
    private static Loaded decode(Connection connection, long seq, String hash, SnapshotFormat.Source data,
            byte[] front) throws SQLException, IOException {
        String event = eventHash(connection, seq);
        if (event == null) {
            throw new IOException("the events table has no row " + seq + ", the last event it covers");
        }
        if (!event.equals(hash)) {
            throw new IOException("it does not belong to this chain: row " + seq + " of the events table has"
                    + " another hash");
        }
        int newline = indexOf(front, (byte) '\n');
        if (newline < 0) {
            throw new IOException("it has no header line");
        }
        SnapshotFormat.Header header = SnapshotFormat.header(new String(front, 0, newline,
                StandardCharsets.UTF_8));
        if (header.format() > SnapshotFormat.FORMAT) {
            throw new IOException("it is of snapshot format " + header.format() + ", written by a newer Retro Gate"
                    + " (this one reads up to " + SnapshotFormat.FORMAT + ")");
        }
        if (header.sequence() != seq || !hash.equals(header.hash())) {
            throw new IOException("its header names sequence " + header.sequence() + " and another hash than"
                    + " its row");
        }
        try {
            return new Loaded(SnapshotFormat.read(data, header), hash);
        } catch (RuntimeException e) { // a value the model refuses: not what was written
            throw new IOException("it cannot be read back (" + e.getMessage() + ")", e);
        }
    }

    /** What is wrong with the snapshot at {@code seq}, or {@code null}, as a problem for {@code verify}. */
    static Problem problem(long seq, String why) {
        return new Problem("table " + TABLE, seq, seq, Problem.Kind.DAMAGED_SNAPSHOT, "snapshot ignored at start-up: "
                + why);
    }

    /** The row at {@code seq} with the first {@value #HEAD} bytes of its value, or {@code null}. */
    private static Row read(Connection connection, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT hash, checksum, octet_length(data),"
                + " substring(data FROM 1 FOR " + HEAD + ") FROM " + TABLE + " WHERE seq = ?")) {
            // binary transfer at once: a snapshot is tens of MB, twice that as hex text
            select.unwrap(PGStatement.class).setPrepareThreshold(-1);
            select.setLong(1, seq);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? new Row(result.getString(1), result.getString(2), result.getLong(3),
                        result.getBytes(4)) : null;
            }
        }
    }

    /** Bytes {@code from} (counted from 0) to {@code to} of the value at {@code seq}. */
    private static byte[] range(Connection connection, long seq, long from, long to) throws SQLException, IOException {
        try (PreparedStatement select = connection.prepareStatement("SELECT substring(data FROM ? FOR ?) FROM "
                + TABLE + " WHERE seq = ?")) {
            select.unwrap(PGStatement.class).setPrepareThreshold(-1);
            select.setInt(1, Math.toIntExact(from + 1)); // substring(bytea, int, int): a bytea holds under 1 GB
            select.setInt(2, Math.toIntExact(to - from));
            select.setLong(3, seq);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw new IOException("it is gone (deleted meanwhile)");
                }
                byte[] bytes = result.getBytes(1);
                if (bytes.length != to - from) {
                    throw new IOException("it changed while it was read (" + bytes.length + " bytes where "
                            + (to - from) + " were expected)");
                }
                return bytes;
            }
        }
    }

    private static String eventHash(Connection connection, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM " + EventRow.TABLE
                + " WHERE seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /**
     * Writes a snapshot of {@code state}, whose last event has the chain hash {@code hash}, unless one at
     * that sequence is there already (another process wrote it), then keeps only the {@code keep} newest.
     * Returns whether this call inserted it.
     */
    static boolean write(Connection connection, RetroState state, String hash, int keep)
            throws SQLException, IOException {
        byte[] data = SnapshotFormat.write(state, hash, null, null);
        boolean inserted;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (seq, hash, format, checksum, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING")) {
            insert.setLong(1, state.sequence());
            insert.setString(2, hash);
            insert.setInt(3, SnapshotFormat.FORMAT);
            insert.setString(4, checksum(data));
            insert.setBytes(5, data);
            inserted = insert.executeUpdate() == 1;
        }
        try (PreparedStatement prune = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE seq NOT IN"
                + " (SELECT seq FROM " + TABLE + " ORDER BY seq DESC LIMIT ?)")) {
            prune.setInt(1, keep);
            prune.executeUpdate();
        }
        return inserted;
    }

    /** The newest snapshot's sequence, 0 when there is none. */
    static long newestSequence(Connection connection) throws SQLException {
        List<Long> all = sequences(connection);
        return all.isEmpty() ? 0 : all.get(0);
    }

    /** One daemon thread for the checksums of snapshots being read, so that no caller's pool is needed. */
    private static final java.util.concurrent.Executor CHECKSUMS = task -> {
        Thread thread = new Thread(task, "retro-gate-snapshot-checksum");
        thread.setDaemon(true);
        thread.start();
    };

    private static void requireChecksum(CompletableFuture<String> sum, String expected) throws IOException {
        String actual;
        try {
            actual = sum.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause), cause);
        }
        if (!actual.equals(expected)) {
            throw new IOException("its checksum (SHA-256) does not match its bytes");
        }
    }

    static String checksum(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    /** The SHA-256 of the front of a value and of its rest, once the rest has arrived. */
    private static String checksum(byte[] front, CompletableFuture<byte[]> rest) {
        MessageDigest digest = sha256();
        digest.update(front);
        digest.update(rest.join());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
