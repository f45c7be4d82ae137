package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees when the database is not as it should be — wrong address, wrong password,
 * unreachable, a newer schema, a row that does not chain, a connection lost at COMMIT — and that each
 * time nothing is changed and no answer is guessed.
 */
class PostgresFaultTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private String url;

    @BeforeEach
    void newDatabase() {
        url = PostgresFixture.newDatabase();
    }

    private static String openIncident(Store store, String title) {
        return store.execute(state -> openIncidentChange(state.counters().incidents() + 1, title));
    }

    private static Change<String> openIncidentChange(long number, String title) {
        String id = Ids.incident(number);
        return Change.of(id, List.of(new IncidentOpened(T0, "alice", id, title, null, List.of("payments"),
                Detection.MANUAL, T0, null, null, null)));
    }

    private long rows() {
        try (Store store = PostgresFixture.backend(url).openReadOnly()) {
            return store.state().sequence();
        }
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheUserAndWhereThePasswordComesFromAndCreatesNothing() {
        PostgresBackend wrong = new PostgresBackend(url, PostgresFixture.USER, "not-the-password");

        assertThatThrownBy(wrong::open).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.reason()).isEqualTo(StoreException.Reason.IO);
            assertThat(e.getMessage()).contains("user 'gate'").contains("RETRO_GATE_STORE_PASSWORD")
                    .doesNotContain("not-the-password");
        });
        assertThat(PostgresFixture.backend(url).exists()).isFalse();
    }

    @Test
    void anAddressThatIsNotPostgresOrADatabaseThatDoesNotExistIsRefusedClearly() {
        assertThatThrownBy(() -> new PostgresBackend("jdbc:mysql://localhost/retro", "gate", null).open())
                .isInstanceOf(StoreException.class).hasMessageContaining("not a PostgreSQL address");
        String missing = url.substring(0, url.lastIndexOf('/')) + "/no_such_database";
        assertThatThrownBy(() -> PostgresFixture.backend(missing).open()).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("/no_such_database");
    }

    @Test
    void anUnreachableDatabaseIsAClearStoreErrorWithinTheConnectTimeout() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> new PostgresBackend("jdbc:postgresql://127.0.0.1:1/retro", "gate", "x").open())
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.getMessage())
                        .startsWith("store jdbc:postgresql://127.0.0.1:1/retro: the database cannot be reached"));
        assertThatThrownBy(() -> new PostgresBackend("jdbc:postgresql://10.255.255.1:5432/retro?connectTimeout=1",
                "gate", "x").open()).isInstanceOf(StoreException.class).hasMessageContaining("10.255.255.1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aSchemaFromANewerVersionIsRefusedAndLeftAsItIs() {
        try (Store store = PostgresFixture.backend(url).open()) {
            openIncident(store, "first");
        }
        PostgresFixture.sql(url, "INSERT INTO retro_gate_schema (version) VALUES (" + (Schema.VERSION + 1) + ")");

        PostgresBackend backend = PostgresFixture.backend(url);
        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable open : List.<org.assertj.core.api.ThrowableAssert
                .ThrowingCallable>of(backend::open, backend::openReadOnly)) {
            assertThatThrownBy(open).isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.reason()).isEqualTo(StoreException.Reason.UNSUPPORTED_FORMAT);
                        assertThat(e.getMessage()).contains("schema is version " + (Schema.VERSION + 1))
                                .contains("upgrade Retro Gate").contains("Nothing was changed");
                    });
        }
        PostgresFixture.sql(url, "DELETE FROM retro_gate_schema WHERE version > " + Schema.VERSION);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aRowWhoseHashDoesNotChainStopsTheStoreFromOpeningAndChangesNothing() {
        try (Store store = PostgresFixture.backend(url).open()) {
            for (int i = 1; i <= 3; i++) {
                openIncident(store, "incident " + i);
            }
        }
        PostgresFixture.sql(url, "UPDATE events SET prev = '" + "f".repeat(64) + "' WHERE seq = 2");

        assertThatThrownBy(() -> PostgresFixture.backend(url).open()).isInstanceOfSatisfying(StoreException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPTED);
                    assertThat(e.getMessage()).contains("table events").contains("sequence 2")
                            .contains("hash chain broken").contains("'repair'");
                });
        assertThat(PostgresFixture.backend(url).verify().lastSequence()).isEqualTo(1);
        assertThat(PostgresFixture.backend(url).verify().cutRecords()).isEqualTo(2);
    }

    @Test
    void aConnectionLostAfterTheCommitReachedTheDatabaseAnswersThatTheEventsWereRecorded() {
        try (PostgresStore store = (PostgresStore) PostgresFixture.backend(url).open()) {
            AtomicInteger runs = new AtomicInteger();
            store.commitHook((connection, phase) -> {
                if (phase.equals("after") && runs.getAndIncrement() == 0) {
                    terminate(connection);
                    throw new SQLException("An I/O error occurred while sending to the backend", "08006");
                }
            });

            String id = openIncident(store, "committed, then the connection broke");

            assertThat(id).isEqualTo("INC-1");
            assertThat(store.state().incidents()).containsOnlyKeys("INC-1");
        }
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aConnectionLostBeforeTheCommitAnswersThatNothingWasRecordedAndTheCommandRunsAgain() {
        try (PostgresStore store = (PostgresStore) PostgresFixture.backend(url).open()) {
            AtomicInteger commits = new AtomicInteger();
            store.commitHook((connection, phase) -> {
                if (phase.equals("before") && commits.getAndIncrement() == 0) {
                    terminate(connection);
                }
            });
            AtomicInteger runs = new AtomicInteger();

            String id = store.execute(state -> {
                runs.incrementAndGet();
                return openIncidentChange(state.counters().incidents() + 1, "aborted once");
            });

            assertThat(runs).hasValue(2);
            assertThat(id).isEqualTo("INC-1");
            assertThat(store.events(1, 10)).hasSize(1);
        }
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aProductionGateIsRefusedNotAllowedWhenTheDatabaseFails() {
        Store store = PostgresFixture.backend(url).open();
        RetroGate gate = new RetroGate(store, GatePolicy::defaults, Clock.fixed(T0, ZoneOffset.UTC));
        PostgresFixture.sql(url, "ALTER TABLE events RENAME TO events_gone");
        try {
            assertThatThrownBy(() -> gate.gate(Actor.of("alice"), GateRequest.of("checkout-api", "production", null,
                    "https://ci/job/deploy/1/", "alice", List.of(), null, T0)))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.getMessage())
                            .contains("nothing was recorded"));
        } finally {
            store.close();
            PostgresFixture.sql(url, "ALTER TABLE events_gone RENAME TO events");
        }
        assertThat(rows()).isZero();
    }

    private void terminate(java.sql.Connection connection) throws SQLException {
        int pid;
        try (Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            pid = result.getInt(1);
        }
        PostgresFixture.sql(url, "SELECT pg_terminate_backend(" + pid + ")");
    }

    @Test
    void readingEventsAfterTheIdleConnectionWasCutConnectsAgainOnce() {
        try (Store store = PostgresFixture.backend(url).open()) {
            store.execute(state -> Change.of("", List.of(new IncidentOpened(T0, "alice", "INC-1", "first", null,
                    List.of("payments"), Detection.MANUAL, T0, null, null, null))));
            assertThat(store.events(1, 10)).hasSize(1); // the store keeps this connection, then it sits idle
            PostgresFixture.sql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
                    + " current_database() AND application_name = '" + PgConnections.APPLICATION_NAME + "'");

            assertThat(store.events(1, 10)).extracting(RecordedEvent::sequence).containsExactly(1L);
        }
    }

    @Test
    void aSessionBoundsItsWaitsSoALostWriterOrAHalfOpenConnectionCannotHangEveryGate() throws Exception {
        try (java.sql.Connection connection = new PgConnections(url, PostgresFixture.USER, PostgresFixture.PASSWORD)
                .connect(); java.sql.Statement statement = connection.createStatement()) {
            assertThat(show(statement, "lock_timeout")).isEqualTo("30s");
            assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("1min");
            assertThat(connection.getClientInfo("ApplicationName")).isEqualTo(PgConnections.APPLICATION_NAME);
        }
        // an address that sets its own options keeps them
        try (java.sql.Connection connection = new PgConnections(url + "?options=-c%20lock_timeout%3D5s",
                PostgresFixture.USER, PostgresFixture.PASSWORD).connect();
                java.sql.Statement statement = connection.createStatement()) {
            assertThat(show(statement, "lock_timeout")).isEqualTo("5s");
        }
    }

    private static String show(java.sql.Statement statement, String setting) throws java.sql.SQLException {
        try (java.sql.ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    @Test
    void aRoleWithoutCreateOnTheSchemaOpensTablesItsAdministratorCreated() {
        String role = roleAfterOneEvent("app_", "SELECT, INSERT");
        PostgresFixture.sql(url, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");

        try (Store app = new PostgresBackend(url, role, role + "-password").open()) {
            openIncident(app, "recorded by a role that may not create tables");
            assertThat(app.state().incidents()).hasSize(2);
        }
    }

    @Test
    void anInsertTheDatabaseRefusesIsAnsweredNothingRecordedAndNotTriedAgain() {
        String role = roleAfterOneEvent("reader_", "SELECT");

        try (Store reader = new PostgresBackend(url, role, role + "-password").open()) {
            AtomicInteger runs = new AtomicInteger();
            assertThatThrownBy(() -> reader.execute(state -> {
                runs.incrementAndGet();
                return openIncidentChange(state.counters().incidents() + 1, "not allowed to insert");
            })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.getMessage())
                    .contains("recording sequence 2").contains("nothing was recorded").contains("permission denied"));
            assertThat(runs).as("a refusal is an answer: the command is not run again").hasValue(1);
            assertThat(reader.state().sequence()).isEqualTo(1);
        }
        assertThat(rows()).isEqualTo(1);
    }

    /**
     * Records one event as the owner, then creates a role (named {@code prefix} and the database, its
     * password that name and "-password") granted {@code privileges} on the store's tables; its name.
     */
    private String roleAfterOneEvent(String prefix, String privileges) {
        try (Store owner = PostgresFixture.backend(url).open()) {
            openIncident(owner, "created by the owner");
        }
        String role = prefix + url.substring(url.lastIndexOf('/') + 1);
        PostgresFixture.sql(url, "CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "-password'");
        PostgresFixture.sql(url, "GRANT " + privileges + " ON events, retro_gate_schema TO " + role);
        return role;
    }
}
