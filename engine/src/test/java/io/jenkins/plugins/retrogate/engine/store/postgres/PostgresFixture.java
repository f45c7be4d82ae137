package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server for the whole test JVM (started on first use, stopped at exit), and
 * a new database on it for every test that asks. Superuser {@code postgres} logs in without a
 * password; user {@link #USER} needs {@link #PASSWORD}, so that a wrong password is refused.
 */
final class PostgresFixture {
    static final String USER = "gate";
    static final String PASSWORD = "right-password";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private PostgresFixture() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path hba = Files.createTempFile("retro-gate-pg_hba", ".conf");
                Files.writeString(hba, """
                        local all all trust
                        host all postgres 127.0.0.1/32 trust
                        host all postgres ::1/128 trust
                        host all all 127.0.0.1/32 scram-sha-256
                        host all all ::1/128 scram-sha-256
                        """, StandardCharsets.US_ASCII);
                server = EmbeddedPostgres.builder().setServerConfig("hba_file", hba.toString()).start();
                try (Connection connection = server.getPostgresDatabase().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                }
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM is exiting
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** A new, empty database owned by {@link #USER}; its JDBC URL (without credentials). */
    static String newDatabase() {
        String name = "rg_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name;
    }

    static PostgresBackend backend(String url) {
        return new PostgresBackend(url, USER, PASSWORD);
    }

    /** Runs SQL as the superuser in the database at {@code url}, as an administrator or an attacker would. */
    static void sql(String url, String sql) {
        try (Connection connection = server().getDatabase("postgres", url.substring(url.lastIndexOf('/') + 1))
                .getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The number the query {@code sql} answers, asked as the superuser in the database at {@code url}. */
    static long count(String url, String sql) {
        try (Connection connection = server().getDatabase("postgres", url.substring(url.lastIndexOf('/') + 1))
                .getConnection(); Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
