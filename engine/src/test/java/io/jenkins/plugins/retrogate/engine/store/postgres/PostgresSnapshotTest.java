package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.retrogate.engine.event.DeploymentFinished;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.LogCapture;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Snapshots in the database: a new process starts from the newest one that checks out and ends in
 * the state a full fold gives; one that does not check out is skipped with a warning and reported by
 * verify, never folded into a wrong state; only writers write them; repair drops those past its cut.
 */
class PostgresSnapshotTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private static final PostgresOptions NEVER = PostgresOptions.defaults().withSnapshotEvery(0);
    private final String url = PostgresFixture.newDatabase();

    private PostgresStore open(PostgresOptions options) {
        return (PostgresStore) new PostgresBackend(url, PostgresFixture.USER, PostgresFixture.PASSWORD, options).open();
    }

    private static void openIncidents(Store store, int count) {
        for (int i = 0; i < count; i++) {
            store.execute(state -> {
                String id = Ids.incident(state.counters().incidents() + 1);
                return Change.of(id, List.of(new IncidentOpened(T0, "alice", id, "incident " + id, null,
                        List.of("payments"), Detection.MANUAL, T0, null, null, null)));
            });
        }
    }

    /** The state every row folded from the first gives: what a process would have without snapshots. */
    private RetroState fullFold() {
        PostgresFixture.sql(url, "ALTER TABLE snapshots RENAME TO snapshots_aside");
        try (PostgresStore store = open(NEVER)) {
            assertThat(store.startedFrom()).isZero();
            return store.state();
        } finally {
            PostgresFixture.sql(url, "ALTER TABLE snapshots_aside RENAME TO snapshots");
        }
    }

    private long snapshots(String where) {
        return PostgresFixture.count(url, "SELECT count(*) FROM snapshots " + where);
    }

    @Test
    void aNewProcessStartsFromTheSnapshotAndReachesTheStateOfAFullFold() {
        try (PostgresStore writer = open(NEVER)) {
            openIncidents(writer, 30);
            assertThat(writer.snapshot()).isTrue();
            openIncidents(writer, 5); // after the snapshot: folded from the rows
        }

        try (PostgresStore next = open(NEVER)) {
            assertThat(next.startedFrom()).isEqualTo(30);
            assertThat(next.state().sequence()).isEqualTo(35);
            assertThat(next.state()).isEqualTo(fullFold());
            openIncidents(next, 1); // and it records on from there, chained to the last row
            assertThat(next.state().incidents()).containsKey("INC-36");
        }
        assertThat(PostgresFixture.backend(url).verify().ok()).isTrue();
    }

    @Test
    void aSnapshotFetchedInPartsWithItsHistoryStartsANewProcessAtTheStateOfAFullFold() {
        try (PostgresStore writer = open(NEVER)) {
            recordHistory(writer);
            assertThat(writer.snapshot()).isTrue();
        }
        assertThat(PostgresFixture.count(url, "SELECT octet_length(data) FROM snapshots"))
                .as("larger than the part fetched first").isGreaterThan(1 << 16);

        try (PostgresStore next = open(NEVER)) {
            assertThat(next.startedFrom()).isEqualTo(next.state().sequence());
            assertThat(next.state().activeItemsGuarding("payments")).hasSize(100);
            assertThat(next.state()).isEqualTo(fullFold());
            assertThat(next.state().deployment("DEP-200").orElseThrow().outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
    }

    /** 300 incidents with an item each, two in three fixed and verified by a deployment: a history of 600 rows. */
    private static void recordHistory(Store writer) {
        for (int i = 1; i <= 300; i++) { // each incident's item fixed by a deployment: a history of 600 rows
            String incident = Ids.incident(i);
            String item = Ids.item(incident, 1);
            String deployment = Ids.deployment(i);
            DeploymentRef ref = new DeploymentRef(deployment, "deploy-pay", i, "https://ci/job/deploy-pay/" + i
                    + "/", "payments", "production", "1." + i);
            Instant at = T0.plusSeconds(i);
            List<Event> events = new java.util.ArrayList<>(List.of(
                    new IncidentOpened(at, "alice", incident, "incident " + incident, null, List.of("payments"),
                            Detection.MANUAL, at, null, null, null),
                    new ItemAdded(at, "alice", item, incident, "fix " + incident, Priority.P0,
                            ItemType.PREVENTATIVE, "team-pay", null, List.of("payments"), null)));
            if (i % 3 != 0) { // two in three verified: closed, in the history; the others open
                events.addAll(List.of(
                        new DeploymentStarted(at, "gate", deployment, ref, true, List.of(), Decision.ALLOW, null,
                                null, null, null),
                        new ItemResolved(at, "gate", item, Resolution.DEPLOYMENT, "1." + i, deployment),
                        new DeploymentFinished(at, "gate", deployment, Outcome.SUCCEEDED, null),
                        new ItemVerified(at, "gate", item, deployment)));
            }
            writer.execute(state -> Change.of(null, events));
        }
    }

    @Test
    void withNoSecondConnectionToBeHadTheSnapshotIsFetchedOnTheFirstOne() {
        try (PostgresStore writer = open(NEVER)) {
            recordHistory(writer);
            assertThat(writer.snapshot()).isTrue();
        }
        String role = "single_" + url.substring(url.lastIndexOf('/') + 1);
        PostgresFixture.sql(url, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw' CONNECTION LIMIT 1");
        PostgresFixture.sql(url, "GRANT SELECT ON events, retro_gate_schema, snapshots TO " + role);

        try (PostgresStore app = (PostgresStore) new PostgresBackend(url, role, "pw").openReadOnly()) {
            assertThat(app.startedFrom()).as("the snapshot used").isEqualTo(app.state().sequence());
            assertThat(app.state()).isEqualTo(fullFold());
        }
    }

    @Test
    void aWriterWritesOneInTheBackgroundOnceNEventsPastTheNewest() {
        try (PostgresStore writer = open(PostgresOptions.defaults().withSnapshotEvery(5))) {
            openIncidents(writer, 4);
        } // close waits for a snapshot being written: none is due yet
        assertThat(snapshots("")).isZero();
        try (PostgresStore writer = open(PostgresOptions.defaults().withSnapshotEvery(5))) {
            openIncidents(writer, 19);
        } // close waits for a snapshot being written

        // one at sequence 5 or later; more while the first was written are skipped, not queued
        assertThat(snapshots("")).isBetween(1L, 3L);
        assertThat(PostgresFixture.count(url, "SELECT min(seq) FROM snapshots")).isGreaterThanOrEqualTo(5);
        try (PostgresStore next = open(NEVER)) {
            assertThat(next.startedFrom()).isGreaterThanOrEqualTo(5);
            assertThat(next.state()).isEqualTo(fullFold());
        }
    }

    @Test
    void onlyTheNewestSnapshotsAreKept() {
        try (PostgresStore writer = open(NEVER.withKeepSnapshots(2))) {
            for (int i = 0; i < 4; i++) {
                openIncidents(writer, 3);
                writer.snapshot();
            }
        }
        assertThat(PostgresFixture.count(url, "SELECT count(*) FROM snapshots WHERE seq IN (9, 12)")).isEqualTo(2);
        assertThat(snapshots("")).isEqualTo(2);
    }

    @Test
    void aReadOnlySessionNeverWritesOne() {
        try (PostgresStore writer = open(NEVER)) {
            openIncidents(writer, 12);
        }
        PostgresBackend eager = new PostgresBackend(url, PostgresFixture.USER, PostgresFixture.PASSWORD,
                PostgresOptions.defaults().withSnapshotEvery(1));
        try (PostgresStore reader = (PostgresStore) eager.openReadOnly()) {
            assertThat(reader.state().sequence()).isEqualTo(12);
            assertThatThrownBy(reader::snapshot).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read only");
        }
        assertThat(snapshots("")).isZero();
    }

    @Test
    void twoProcessesWritingTheSameSnapshotLeaveOneRow() {
        try (PostgresStore one = open(NEVER); PostgresStore two = open(NEVER)) {
            openIncidents(one, 10);
            openIncidents(two, 0);
            two.execute(state -> Change.of(null, List.of())); // catches up: both hold sequence 10
            assertThat(two.state()).isEqualTo(one.state());

            assertThat(one.snapshot()).isTrue();
            assertThat(two.snapshot()).as("the second insert at sequence 10 does nothing").isFalse();
        }
        assertThat(snapshots("")).isEqualTo(1);
    }

    @Test
    void aDamagedSnapshotIsIgnoredWithAWarningAndReportedByVerify() {
        try (PostgresStore writer = open(NEVER)) {
            openIncidents(writer, 20);
            writer.snapshot();
        }
        RetroState expected = fullFold();
        // one byte changed in the stored snapshot, as a bad disk or a careless edit would
        PostgresFixture.sql(url, "UPDATE snapshots SET data = set_byte(data, 500, get_byte(data, 500) # 1)");

        List<String> warnings = LogCapture.warnings(PgSnapshots.class, () -> {
            try (PostgresStore next = open(NEVER)) {
                assertThat(next.startedFrom()).isZero();
                assertThat(next.state()).isEqualTo(expected);
            }
        });

        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("ignoring the snapshot at sequence 20")
                .contains("checksum"));
        VerifyReport report = PostgresFixture.backend(url).verify();
        assertThat(report.ok()).as("the events are fine: the store opens").isTrue();
        assertThat(report.snapshots()).isEqualTo(1);
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.DAMAGED_SNAPSHOT);
            assertThat(p.sequence()).isEqualTo(20);
            assertThat(p.message()).contains("checksum");
        });
    }

    @Test
    void aSnapshotEditedWithAMatchingChecksumIsStillRefused() {
        try (PostgresStore writer = open(NEVER)) {
            openIncidents(writer, 20);
            writer.snapshot();
        }
        RetroState expected = fullFold();
        // an incident's title edited and the SHA-256 made to match: a section's CRC32C still catches it
        PostgresFixture.sql(url, "UPDATE snapshots SET data = convert_to(replace(convert_from(data, 'UTF8'),"
                + " 'incident INC-7\"', 'incident INC-X\"'), 'UTF8')");
        PostgresFixture.sql(url, "UPDATE snapshots SET checksum = encode(sha256(data), 'hex')");

        try (PostgresStore next = open(NEVER)) {
            assertThat(next.startedFrom()).isZero();
            assertThat(next.state()).isEqualTo(expected);
        }
        assertThat(PostgresFixture.backend(url).verify().problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("CRC32C"));
    }

    @Test
    void aSnapshotThatDoesNotMatchTheChainIsIgnored() {
        try (PostgresStore writer = open(NEVER)) {
            openIncidents(writer, 10);
            writer.snapshot();
        }
        // the events table restored from an older backup than the snapshots: rows 6 on are gone, and other
        // processes record other events in their place
        PostgresFixture.sql(url, "DELETE FROM events WHERE seq > 5");
        try (PostgresStore other = open(NEVER)) {
            assertThat(other.startedFrom()).as("row 10 is gone").isZero();
        }
        try (PostgresStore other = open(NEVER)) {
            other.execute(state -> Change.of(null, List.of(new IncidentOpened(T0, "bob", "INC-6", "another",
                    null, List.of("search"), Detection.ALERT, T0, null, null, null))));
            openIncidents(other, 6);
        }

        List<String> warnings = LogCapture.warnings(PgSnapshots.class, () -> {
            try (PostgresStore next = open(NEVER)) {
                assertThat(next.startedFrom()).isZero();
                assertThat(next.state().incidents().get("INC-6").title()).isEqualTo("another");
            }
        });
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("does not belong to this chain"));
        assertThat(PostgresFixture.backend(url).verify().problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Problem.Kind.DAMAGED_SNAPSHOT));
    }

    @Test
    void repairDropsTheSnapshotsPastItsCutAndKeepsTheOthers() {
        try (PostgresStore writer = open(NEVER)) {
            openIncidents(writer, 5);
            writer.snapshot();
            openIncidents(writer, 5);
            writer.snapshot();
            openIncidents(writer, 2);
        }
        PostgresFixture.sql(url, "UPDATE events SET payload = replace(payload, 'incident INC-8', 'edited') WHERE seq = 8");

        RepairReport report = PostgresFixture.backend(url).repair();

        assertThat(report.changed()).isTrue();
        assertThat(report.lastSequence()).isEqualTo(7);
        assertThat(snapshots("WHERE seq >= 8")).as("the snapshot at 10 covered a cut row").isZero();
        assertThat(snapshots("WHERE seq = 5")).isEqualTo(1);
        try (PostgresStore next = open(NEVER)) {
            assertThat(next.startedFrom()).isEqualTo(5);
            assertThat(next.state()).isEqualTo(fullFold());
        }
        assertThat(PostgresFixture.backend(url).verify().problems()).isEmpty();
    }

    @Test
    void aRoleThatMayNotReadTheSnapshotsStillOpensTheStore() {
        try (PostgresStore owner = open(NEVER)) {
            openIncidents(owner, 3);
            owner.snapshot();
        }
        String role = "reader_" + url.substring(url.lastIndexOf('/') + 1);
        PostgresFixture.sql(url, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw'");
        PostgresFixture.sql(url, "GRANT SELECT, INSERT ON events, retro_gate_schema TO " + role);

        List<String> warnings = LogCapture.warnings(PgSnapshots.class, () -> {
            try (Store app = new PostgresBackend(url, role, "pw").open()) {
                assertThat(app.state().incidents()).hasSize(3);
            }
        });
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("the snapshots cannot be read"));
    }
}
