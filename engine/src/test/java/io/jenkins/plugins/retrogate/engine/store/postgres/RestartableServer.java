package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of its own (not {@link PostgresFixture}'s shared one) that a test stops and
 * starts again on the same data directory and port, as an administrator restarting the database would
 * ({@code pg_ctl stop -m fast}: open sessions are ended, transactions in progress are aborted). Its
 * superuser {@code postgres} logs in without a password.
 */
final class RestartableServer implements AutoCloseable {
    private final Path data;
    private final int port;
    private final java.util.concurrent.atomic.AtomicInteger databases = new java.util.concurrent.atomic.AtomicInteger();
    private EmbeddedPostgres server;

    RestartableServer() throws IOException {
        this.data = Files.createTempDirectory("retro-gate-pg-restart");
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        start();
    }

    /** A new, empty database; its name. */
    String newDatabase() {
        String name = "rg_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name);
        return name;
    }

    /** A store in {@code database}, opened as the superuser. */
    PostgresBackend backend(String database) {
        return new PostgresBackend("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", null);
    }

    synchronized void start() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends every Retro Gate session in {@code database}, as {@code pg_terminate_backend} by an administrator. */
    int terminateSessions(String database) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                java.sql.ResultSet ended = statement.executeQuery("SELECT count(pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE datname = '" + database + "' AND application_name = '"
                        + PgConnections.APPLICATION_NAME + "'")) {
            ended.next();
            return ended.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void admin(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        try (var files = Files.walk(data)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
