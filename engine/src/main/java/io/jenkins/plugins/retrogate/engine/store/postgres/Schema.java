package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, created and migrated when a store is opened to write: plain SQL, one step per
 * schema version, each recorded in {@code retro_gate_schema}. A schema newer than this version
 * knows is refused (never written to), so that an older Retro Gate cannot damage a newer store.
 */
final class Schema {
    /** The newest schema version this Retro Gate writes and reads. */
    static final int VERSION = 2;
    /** Taken while creating or migrating, so that two processes opening a new database at once do not collide. */
    private static final long MIGRATION_LOCK = 0x5265_7472_6f47_6174L;
    /** Step {@code n} (from 1) brings the schema from version {@code n-1} to {@code n}. */
    private static final List<String> STEPS = List.of("""
            CREATE TABLE events (
                seq bigint PRIMARY KEY CHECK (seq > 0),
                format_version integer NOT NULL,
                type text NOT NULL,
                payload text NOT NULL,
                prev char(64) NOT NULL,
                hash char(64) NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now()
            )""", """
            CREATE TABLE snapshots (
                seq bigint PRIMARY KEY CHECK (seq > 0),
                hash char(64) NOT NULL,
                format integer NOT NULL,
                checksum char(64) NOT NULL,
                data bytea NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now()
            )""");

    private Schema() {
    }

    /** Whether the store's tables are in this database. */
    static boolean exists(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('retro_gate_schema') IS NOT NULL"
                        + " AND to_regclass('events') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    /**
     * Brings the schema to {@link #VERSION}, creating it in an empty database.
     *
     * @throws StoreException when the schema is newer than this version
     */
    static void migrate(Connection connection, String location) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            // DDL only when a step is missing: a role granted SELECT and INSERT on tables its DBA created
            // (no CREATE on the schema, the default since PostgreSQL 15) must be able to open the store
            if (!tableExists(connection, "retro_gate_schema")) {
                statement.execute("CREATE TABLE retro_gate_schema (version integer PRIMARY KEY,"
                        + " applied_at timestamptz NOT NULL DEFAULT now())");
            }
            int current = version(connection, location);
            for (int next = current + 1; next <= VERSION; next++) {
                statement.execute(STEPS.get(next - 1));
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO retro_gate_schema (version) VALUES (?)")) {
                    insert.setInt(1, next);
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * The schema's version, checked against this one's.
     *
     * @throws StoreException when it is newer than {@link #VERSION}
     */
    static int version(Connection connection, String location) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT coalesce(max(version), 0) FROM retro_gate_schema")) {
            rows.next();
            int version = rows.getInt(1);
            if (version > VERSION) {
                throw new StoreException(StoreException.Reason.UNSUPPORTED_FORMAT, "store " + location
                        + ": its schema is version " + version + " (table retro_gate_schema), written by a newer"
                        + " Retro Gate; this one reads up to version " + VERSION
                        + ": upgrade Retro Gate. Nothing was changed.");
            }
            return version;
        }
    }
}
