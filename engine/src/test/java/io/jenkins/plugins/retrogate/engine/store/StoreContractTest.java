package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store backend promises ({@link Store}): commands run one at a time on the latest state
 * (no update lost), a caller reads its own writes, a command that fails records nothing, events page
 * in order, a closed store refuses work, and — for a durable backend — what {@code execute} returned
 * is there after reopening. Each backend runs it by extending this class.
 */
public abstract class StoreContractTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    protected Store store;

    /** A new, empty store. */
    protected abstract Store open() throws Exception;

    /** Closes {@code closed} (already closed) store's backing and opens it again; {@code null} when the backend keeps nothing. */
    protected abstract Store reopen() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Opens the next incident: its id is decided from the state the command is given. */
    private static Change<String> openIncident(RetroState state, String title) {
        String id = Ids.incident(state.counters().incidents() + 1);
        Event event = new IncidentOpened(T0.plusSeconds(state.sequence()), "alice", id, title, null,
                List.of("payments"), Detection.MANUAL, T0, null, null, null);
        return Change.of(id, List.of(event));
    }

    @Test
    void aCallerReadsItsOwnWriteAsSoonAsExecuteReturns() {
        String id = store.execute(state -> openIncident(state, "first"));

        assertThat(store.state().sequence()).isEqualTo(1);
        assertThat(store.state().incidents()).containsKey(id);
        assertThat(store.events(1, 10)).singleElement().satisfies(e -> {
            assertThat(e.sequence()).isEqualTo(1);
            assertThat(e.event()).isInstanceOf(IncidentOpened.class);
        });
    }

    @Test
    void aCommandThatThrowsOrThatTheFoldRefusesRecordsNothing() {
        store.execute(state -> openIncident(state, "first"));
        RetroState before = store.state();

        assertThatThrownBy(() -> store.execute(state -> {
            throw new IllegalArgumentException("refused by the command");
        })).hasMessageContaining("refused by the command");
        assertThatThrownBy(() -> store.execute(state -> Change.of(null, List.of(new ItemResolved(T0, "alice",
                "INC-9-A1", Resolution.MANUAL, "fix", null))))).isInstanceOf(RuntimeException.class);

        assertThat(store.state()).isEqualTo(before);
        assertThat(store.events(1, 100)).hasSize(1);
        String second = store.execute(state -> openIncident(state, "second"));
        assertThat(second).isEqualTo("INC-2");
    }

    @Test
    void concurrentCommandsRunOneAtATimeOnTheLatestStateAndNoUpdateIsLost() throws Exception {
        int threads = 8;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    String title = "t" + me + "-" + i;
                    ids.add(store.execute(state -> openIncident(state, title)));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(ids).as("every command saw the latest state: no id handed out twice").hasSize(threads * each);
        assertThat(store.state().incidents()).hasSize(threads * each);
        assertThat(store.state().sequence()).isEqualTo((long) threads * each);
    }

    @Test
    void eventsPageInOrderFromAnySequence() {
        for (int i = 0; i < 25; i++) {
            int n = i;
            store.execute(state -> openIncident(state, "incident " + n));
        }
        List<Long> paged = new ArrayList<>();
        for (long from = 1; ; ) {
            List<RecordedEvent> page = store.events(from, 7);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(e -> paged.add(e.sequence()));
            from = page.get(page.size() - 1).sequence() + 1;
        }

        assertThat(paged).hasSize(25).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(25L);
        assertThat(store.events(24, 10)).extracting(RecordedEvent::sequence).containsExactly(24L, 25L);
        assertThat(store.events(26, 10)).isEmpty();
        assertThat(store.events(1, 0)).isEmpty();
    }

    @Test
    void aClosedStoreRefusesCommands() {
        store.close();

        assertThatThrownBy(() -> store.execute(state -> openIncident(state, "late")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void whatExecuteReturnedIsThereAfterReopeningADurableStore() throws Exception {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            written.add(store.execute(state -> openIncident(state, "durable " + n)));
        }
        RetroState before = store.state();
        store.close();

        store = reopen();
        if (store == null) {
            store = open(); // a backend that keeps nothing: the contract ends at close
            return;
        }
        assertThat(store.state()).isEqualTo(before);
        assertThat(store.state().incidents().keySet()).containsAll(written);
        String after = store.execute(state -> openIncident(state, "after"));
        assertThat(after).isEqualTo("INC-6");
    }
}
