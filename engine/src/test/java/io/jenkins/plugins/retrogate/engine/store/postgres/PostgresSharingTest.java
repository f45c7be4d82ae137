package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several stores on one database, as several Jenkins controllers or CLI runs would have: each sees
 * what the others record without being asked (NOTIFY, well before the safety-net poll), and writers
 * racing for the same sequence numbers lose no update and hand out no id twice.
 */
class PostgresSharingTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private final String url = PostgresFixture.newDatabase();

    private static String openIncident(Store store, String title) {
        return store.execute(state -> {
            String id = Ids.incident(state.counters().incidents() + 1);
            return Change.of(id, List.of(new IncidentOpened(T0, "alice", id, title, null, List.of("payments"),
                    Detection.MANUAL, T0, null, null, null)));
        });
    }

    private static void awaitSequence(Store store, long sequence, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (store.state().sequence() < sequence && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void aFollowerSeesAnotherWritersEventWithoutWaitingForThePoll() throws Exception {
        try (Store writer = PostgresFixture.backend(url).open();
                Store follower = PostgresFixture.backend(url).openReadOnly()) {
            Thread.sleep(300); // the follower is listening
            long start = System.nanoTime();

            openIncident(writer, "seen elsewhere");
            awaitSequence(follower, 1, Follower.POLL.multipliedBy(3));

            assertThat(follower.state().incidents()).containsOnlyKeys("INC-1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Follower.POLL);
            assertThat(follower.state()).isEqualTo(writer.state());
        }
    }

    @Test
    void writersInSeveralStoresRaceForTheNextSequenceAndLoseNoUpdate() throws Exception {
        List<Store> stores = List.of(PostgresFixture.backend(url).open(), PostgresFixture.backend(url).open(),
                PostgresFixture.backend(url).open());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Store store = stores.get(t % stores.size());
                int me = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        ids.add(openIncident(store, "w" + me + "-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
            assertThat(ids).as("no id handed out twice").hasSize(120);
            for (Store store : stores) {
                awaitSequence(store, 120, Follower.POLL.multipliedBy(3));
                assertThat(store.state()).isEqualTo(stores.get(0).state());
                assertThat(store.state().incidents()).hasSize(120);
            }
        } finally {
            pool.shutdown();
            stores.forEach(Store::close);
        }
    }

    @Test
    void commandsWaitingInOneProcessAreRecordedTogetherInFewerTransactions() throws Exception {
        try (Store store = PostgresFixture.backend(url).open()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int me = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            openIncident(store, "g" + me + "-" + i);
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdown();
            }
            assertThat(store.state().incidents()).hasSize(200);
        }
        // xmin is the id of the transaction that inserted the row
        long transactions = PostgresFixture.count(url, "SELECT count(DISTINCT xmin::text) FROM events");
        assertThat(transactions).as("transactions for 200 commands").isLessThan(200);
    }

    @Test
    void moreCommandsWaitingThanOneTransactionTakesEachRunAndAnswerTheirOwnResult() throws Exception {
        int waiting = 600; // more than two batches' worth
        try (Store store = PostgresFixture.backend(url).open()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(waiting + 1);
            try {
                Future<String> first = pool.submit(() -> store.execute(state -> {
                    holding.countDown();
                    try {
                        release.await(); // holds the store while the others queue behind it
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Change.of("first", List.of());
                }));
                holding.await();
                CountDownLatch queued = new CountDownLatch(waiting);
                List<Future<String>> futures = new ArrayList<>();
                for (int t = 0; t < waiting; t++) {
                    String title = "queued-" + t;
                    futures.add(pool.submit(() -> {
                        queued.countDown();
                        String id = store.execute(state -> {
                            String next = Ids.incident(state.counters().incidents() + 1);
                            return Change.of(next, List.of(new IncidentOpened(T0, "alice", next, title, null,
                                    List.of("payments"), Detection.MANUAL, T0, null, null, null)));
                        });
                        // answered only once recorded: its own id, already in the state
                        return id + "=" + store.state().incidents().get(id).title();
                    }));
                }
                queued.await();
                Thread.sleep(500); // let every thread reach the store's queue
                release.countDown();
                assertThat(first.get(2, TimeUnit.MINUTES)).isEqualTo("first");
                Set<String> answered = ConcurrentHashMap.newKeySet();
                for (Future<String> future : futures) {
                    answered.add(future.get(2, TimeUnit.MINUTES));
                }
                assertThat(answered).hasSize(waiting).allMatch(answer -> answer.matches("INC-\\d+=queued-\\d+"));
            } finally {
                release.countDown();
                pool.shutdown();
            }
            // every command that answered is in the state, each once: none returned before it ran
            assertThat(store.state().incidents()).hasSize(waiting);
            assertThat(store.state().incidents().values().stream().map(i -> i.title()).distinct().count())
                    .isEqualTo(waiting);
        }
    }
}
