package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.config.StoreLocation;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a front-end needs beyond the store contract: a "test connection" that says what is in the
 * database and changes nothing, and a call when another process's events arrive (a Jenkins step
 * waiting for an override approved from the CLI or another controller).
 */
class PostgresProbeAndListenerTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private final String url = PostgresFixture.newDatabase();

    private static void openIncident(Store store) {
        store.execute(state -> {
            String id = Ids.incident(state.counters().incidents() + 1);
            return Change.of(id, List.of(new IncidentOpened(T0, "alice", id, "t", null, List.of("payments"),
                    Detection.MANUAL, T0, null, null, null)));
        });
    }

    @Test
    void probeOfAnEmptyDatabaseNamesTheServerAndCreatesNothing() {
        String said = PostgresFixture.backend(url).probe();

        assertThat(said).startsWith("PostgreSQL ").contains("no Retro Gate tables");
        assertThat(PostgresFixture.backend(url).exists()).isFalse();
    }

    @Test
    void probeOfAnOpenedStoreSaysItsSchemaIsCurrent() {
        PostgresFixture.backend(url).open().close();

        assertThat(PostgresFixture.backend(url).probe()).contains("Retro Gate schema version " + Schema.VERSION + " (current)");
    }

    @Test
    void probeRefusesANewerSchemaAndAWrongPassword() {
        PostgresFixture.backend(url).open().close();
        PostgresFixture.sql(url, "INSERT INTO retro_gate_schema (version) VALUES (99)");

        assertThatThrownBy(() -> PostgresFixture.backend(url).probe()).isInstanceOf(StoreException.class)
                .hasMessageContaining("version 99").hasMessageContaining("upgrade Retro Gate");
        assertThatThrownBy(() -> new PostgresBackend(url, PostgresFixture.USER, "wrong").probe())
                .isInstanceOf(StoreException.class).hasMessageContaining("refused the login of user 'gate'");
    }

    @Test
    void aUserFromCredentialsLogsInToAnAddressWithoutOne() {
        StoreLocation location = StoreLocation.parse(url, Path.of("/tmp"));

        assertThat(location.backend(Duration.ZERO, PostgresFixture.USER, PostgresFixture.PASSWORD).probe())
                .startsWith("PostgreSQL ");
    }

    @Test
    void listenersAreToldOfAnotherStoresEventsButNotOfTheirOwn() throws Exception {
        try (Store mine = PostgresFixture.backend(url).open(); Store other = PostgresFixture.backend(url).open()) {
            AtomicInteger told = new AtomicInteger();
            mine.onOthersEvents(told::incrementAndGet);
            openIncident(mine);
            Thread.sleep(Follower.POLL.toMillis() + 500); // the follower has caught up at least once
            assertThat(told).hasValue(0);

            openIncident(other);
            long deadline = System.nanoTime() + Follower.POLL.multipliedBy(3).toNanos();
            while (told.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(told).hasValue(1);
            assertThat(mine.state().incidents()).containsOnlyKeys("INC-1", "INC-2");
        }
    }
}
