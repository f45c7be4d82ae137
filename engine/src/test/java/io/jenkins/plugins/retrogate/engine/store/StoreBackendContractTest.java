package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every durable backend promises an administrator through {@link StoreBackend}, whichever it
 * is: a location holds no store until one is opened to write; a read-only open sees every event and
 * records none; verify counts every event and finds the chain intact; a damaged record is found by
 * verify, stops the store from opening (never a silent start on partial data), and repair makes it
 * open again with every event before the damage and those after it that still verify, never handing
 * out the damaged record's ids again. Each durable backend runs it by extending this class.
 */
public abstract class StoreBackendContractTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    /** A backend at a new, empty location (the same location on every call within one test). */
    protected abstract StoreBackend backend();

    /** Damages the stored record with sequence {@code sequence} in place, as a disk or a hand edit would. */
    protected abstract void damage(long sequence) throws Exception;

    private static String openIncident(Store store, String title) {
        return store.execute(state -> {
            String id = Ids.incident(state.counters().incidents() + 1);
            return Change.of(id, List.of(new IncidentOpened(T0.plusSeconds(state.sequence()), "alice", id, title, null,
                    List.of("payments"), Detection.MANUAL, T0, null, null, null)));
        });
    }

    private void record(int incidents) {
        try (Store store = backend().open()) {
            for (int i = 1; i <= incidents; i++) {
                openIncident(store, "incident " + i);
            }
        }
    }

    @Test
    void aLocationHoldsNoStoreUntilOneIsOpenedToWrite() {
        assertThat(backend().exists()).isFalse();

        record(1);

        assertThat(backend().exists()).isTrue();
        try (Store store = backend().open()) {
            assertThat(store.state().incidents()).containsOnlyKeys("INC-1");
        }
    }

    @Test
    void aReadOnlyOpenSeesEveryEventAndRecordsNothing() {
        record(3);

        try (Store reader = backend().openReadOnly()) {
            assertThat(reader.state().sequence()).isEqualTo(3);
            assertThat(reader.events(1, 10)).extracting(RecordedEvent::sequence).containsExactly(1L, 2L, 3L);
            assertThatThrownBy(() -> openIncident(reader, "refused")).isInstanceOf(RuntimeException.class);
            assertThat(reader.state().sequence()).isEqualTo(3);
        }
        try (Store store = backend().open()) {
            assertThat(store.state().sequence()).isEqualTo(3);
        }
    }

    @Test
    void verifyCountsEveryEventAndFindsTheChainIntact() {
        record(5);

        VerifyReport report = backend().verify();

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.events()).isEqualTo(5);
        assertThat(report.lastSequence()).isEqualTo(5);
        assertThat(report.problems()).isEmpty();
        assertThat(report.location()).isEqualTo(backend().location());
        assertThat(report.summary()).startsWith("OK: " + backend().location());
    }

    @Test
    void aDamagedRecordIsFoundRefusedAtOpenAndRepairedKeepingWhatStillVerifies() throws Exception {
        record(5);
        damage(3);

        VerifyReport found = backend().verify();
        assertThat(found.ok()).isFalse();
        assertThat(found.lastSequence()).isEqualTo(2);
        assertThat(found.problems()).first().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.CORRUPTED);
            assertThat(problem.sequence()).isEqualTo(3);
            assertThat(problem.fatal()).isTrue();
        });
        assertThatThrownBy(() -> backend().open()).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPTED));

        RepairReport repaired = backend().repair();

        assertThat(repaired.ok()).as(repaired.summary()).isTrue();
        assertThat(repaired.changed()).isTrue();
        assertThat(repaired.events()).as("records kept before the cut rows are recorded again").isEqualTo(2);
        assertThat(repaired.lastSequence()).isEqualTo(2);
        assertThat(repaired.replayed()).isEqualTo(2);
        assertThat(backend().verify().ok()).isTrue();
        try (Store store = backend().open()) {
            RetroState state = store.state();
            assertThat(state.incidents()).containsOnlyKeys("INC-1", "INC-2", "INC-4", "INC-5");
            assertThat(openIncident(store, "after the repair")).isEqualTo("INC-6");
        }
    }
}
