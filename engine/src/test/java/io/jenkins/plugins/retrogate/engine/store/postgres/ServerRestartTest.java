package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL server restarted, and the writers' sessions ended by an administrator, while stores
 * write: no acknowledged command is lost, none is recorded twice, every command that failed says
 * truthfully that it was not recorded, and each store works again — its first command after the
 * server is back succeeds.
 */
class ServerRestartTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static RestartableServer server;
    private String database;

    @BeforeAll
    static void startServer() throws Exception {
        server = new RestartableServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void newDatabase() {
        database = server.newDatabase();
    }

    private static String openIncident(Store store, String title) {
        return store.execute(state -> {
            String id = Ids.incident(state.counters().incidents() + 1);
            return Change.of(id, List.of(new IncidentOpened(T0, "alice", id, title, null, List.of("payments"),
                    Detection.MANUAL, T0, null, null, null)));
        });
    }

    @Test
    void theFirstCommandAfterTheServerRestartedSucceedsOnAConnectionThatDiedIdle() {
        try (Store store = server.backend(database).open()) {
            openIncident(store, "before the restart");
            server.stop();
            server.start();

            assertThat(openIncident(store, "after the restart")).isEqualTo("INC-2");
        }
    }

    @Test
    void aStoreWhoseDatabaseStopsAnsweringSaysSoUntilItAnswersAgain() throws Exception {
        try (Store store = server.backend(database).open()) {
            openIncident(store, "before");
            assertThat(store.trouble()).as("following").isNull();

            server.stop();
            try {
                String trouble = awaitTrouble(store, true);
                assertThat(trouble).contains("the database " + server.backend(database).location()).contains("cannot be followed since")
                        .contains("every command fails, production gates included");
                assertThat(catchThrowable(() -> openIncident(store, "while it is down")))
                        .isInstanceOf(StoreException.class).hasMessageContaining("nothing was recorded");
            } finally {
                server.start();
            }

            assertThat(awaitTrouble(store, false)).as("cleared by itself once the database answers").isNull();
            assertThat(openIncident(store, "after")).isEqualTo("INC-2");
        }
    }

    /** Waits (up to 30 s) until {@code store} reports trouble ({@code present}) or none; returns what it reports. */
    private static String awaitTrouble(Store store, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((store.trouble() != null) != present && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return store.trouble();
    }

    @Test
    void theFirstCommandAfterItsSessionWasEndedSucceeds() {
        try (Store store = server.backend(database).open()) {
            openIncident(store, "before");
            assertThat(server.terminateSessions(database)).isPositive();

            assertThat(openIncident(store, "after")).isEqualTo("INC-2");
        }
    }

    @Test
    void aCommitWhoseAnswerWasLostWhileTheServerRestartsIsAnsweredRecordedOnceTheServerIsBack() throws Exception {
        List<Thread> restarts = new ArrayList<>();
        try (PostgresStore store = (PostgresStore) server.backend(database).open()) {
            AtomicInteger commits = new AtomicInteger();
            store.commitHook((connection, phase) -> {
                if (phase.equals("after") && commits.getAndIncrement() == 0) {
                    server.stop(); // committed; the answer is lost, and the database cannot be asked for a while
                    Thread restart = new Thread(() -> {
                        sleep(Duration.ofMillis(800));
                        server.start();
                    });
                    restarts.add(restart);
                    restart.start();
                    throw new SQLException("An I/O error occurred while sending to the backend", "08006");
                }
            });
            AtomicInteger runs = new AtomicInteger();

            String id = store.execute(state -> {
                runs.incrementAndGet();
                return Change.of(Ids.incident(1), List.of(new IncidentOpened(T0, "alice", Ids.incident(1), "once",
                        null, List.of("payments"), Detection.MANUAL, T0, null, null, null)));
            });

            assertThat(id).isEqualTo("INC-1");
            assertThat(runs).as("recorded, so not run again").hasValue(1);
            assertThat(openIncident(store, "next")).isEqualTo("INC-2");
        } finally {
            for (Thread restart : restarts) {
                restart.join(); // the server is up again for the next test, whatever this one found
            }
        }
        try (Store fresh = server.backend(database).openReadOnly()) {
            assertThat(fresh.state().sequence()).isEqualTo(2);
        }
    }

    @Test
    void writersThroughRestartsAndEndedSessionsLoseNothingDuplicateNothingAndAnswerTruthfully() throws Exception {
        int writers = 3;
        List<Store> stores = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            stores.add(server.backend(database).open());
        }
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, String> failed = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Store store = stores.get(w);
            String name = "w" + w;
            Thread thread = new Thread(() -> {
                for (int i = 1; !stop.get(); i++) {
                    String title = name + "-" + i;
                    try {
                        acknowledged.put(title, openIncident(store, title));
                    } catch (StoreException e) {
                        failed.put(title, e.getMessage());
                        sleep(Duration.ofMillis(50));
                    }
                }
            }, "writer " + name);
            threads.add(thread);
            thread.start();
        }
        try {
            awaitMore(acknowledged, 50);
            int ended = 0;
            for (int fault = 0; fault < 4; fault++) {
                if (fault % 2 == 0) {
                    server.stop();
                    sleep(Duration.ofMillis(300));
                    server.start();
                } else {
                    ended += server.terminateSessions(database);
                }
                awaitMore(acknowledged, 50); // writing again after each fault
            }
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(Duration.ofMinutes(1).toMillis());
            }
            assertThat(failed).as("the restarts made commands fail").isNotEmpty();
            assertThat(ended).as("sessions ended").isPositive();

            Map<String, List<String>> recorded = new HashMap<>();
            long sequence;
            try (Store fresh = server.backend(database).openReadOnly()) {
                for (Incident incident : fresh.state().incidents().values()) {
                    recorded.computeIfAbsent(incident.title(), title -> new ArrayList<>()).add(incident.id());
                }
                sequence = fresh.state().sequence();
                for (Store store : stores) {
                    assertThat(openIncident(store, "after all faults " + stores.indexOf(store)))
                            .as("each store works again").isNotNull();
                }
            }
            acknowledged.forEach((title, id) -> assertThat(recorded.get(title)).as("acknowledged %s", title)
                    .containsExactly(id));
            assertThat(recorded.values()).as("no command recorded twice").allMatch(ids -> ids.size() == 1);
            failed.forEach((title, message) -> {
                assertThat(message).as("a failed command says what became of it").contains("nothing was recorded");
                assertThat(recorded).as("%s failed with: %s", title, message).doesNotContainKey(title);
            });
            assertThat(recorded).hasSize((int) sequence);
            assertThat(server.backend(database).verify().ok()).isTrue();
            System.out.printf("through 2 restarts and %d ended sessions: %d commands acknowledged, %d failed"
                    + " (each saying nothing was recorded)%n", ended, acknowledged.size(), failed.size());
        } finally {
            stop.set(true);
            stores.forEach(Store::close);
        }
    }

    private static void awaitMore(Map<String, String> acknowledged, int more) {
        int target = acknowledged.size() + more;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acknowledged.size() < target && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(10));
        }
        assertThat(acknowledged.size()).as("commands acknowledged").isGreaterThanOrEqualTo(target);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
