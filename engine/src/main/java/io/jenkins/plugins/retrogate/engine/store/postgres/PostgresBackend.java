package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A store in a PostgreSQL database, shared by every process that opens it (see {@link PostgresStore}).
 * The database must exist; the store creates its tables there the first time it is opened to write.
 */
public final class PostgresBackend implements StoreBackend {
    private final PgConnections db;
    private final PostgresOptions options;

    /**
     * @param jdbcUrl  {@code jdbc:postgresql://host:port/database[?options]}, without a password
     * @param user     the database user ({@code null}: the URL's or the driver's default)
     * @param password the password ({@code null}: none), never shown in messages
     */
    public PostgresBackend(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, PostgresOptions.defaults());
    }

    /** The same, with its own snapshot settings. */
    public PostgresBackend(String jdbcUrl, String user, String password, PostgresOptions options) {
        this.db = new PgConnections(jdbcUrl, user, password);
        this.options = options;
    }

    @Override
    public String location() {
        return db.location();
    }

    @Override
    public boolean exists() {
        try (Connection connection = db.connect()) {
            return Schema.exists(connection);
        } catch (SQLException e) {
            throw db.failed("looking for the store's tables", e);
        }
    }

    /** The server's version and the state of the store's tables; creates nothing. */
    @Override
    public String probe() {
        try (Connection connection = db.connect()) {
            String server = "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
            if (!Schema.exists(connection)) {
                return server + "; no Retro Gate tables in " + location() + " yet: they are created when the store"
                        + " is first opened";
            }
            int version = Schema.version(connection, location()); // refuses a newer schema
            return server + "; Retro Gate schema version " + version + (version == Schema.VERSION ? " (current)"
                    : " (older: brought to version " + Schema.VERSION + " when the store is opened)");
        } catch (SQLException e) {
            throw db.failed("looking at the store's tables", e);
        }
    }

    @Override
    public Store open() {
        return PostgresStore.open(db, options, false);
    }

    @Override
    public Store openReadOnly() {
        return PostgresStore.open(db, options, true);
    }

    @Override
    public VerifyReport verify() {
        return PgRecovery.verify(db);
    }

    @Override
    public RepairReport repair() {
        return PgRecovery.repair(db, options);
    }
}
