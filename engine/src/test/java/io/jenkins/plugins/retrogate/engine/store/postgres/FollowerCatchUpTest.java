package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.HashChain;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A follower that misses a notification — its listening connection cut, or the row inserted without
 * one — still sees the new event within the poll interval: the poll is the safety net, not a hope.
 */
class FollowerCatchUpTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private final String url = PostgresFixture.newDatabase();

    private static IncidentOpened incident(long number, String title) {
        String id = Ids.incident(number);
        return new IncidentOpened(T0, "alice", id, title, null, List.of("payments"), Detection.MANUAL, T0, null,
                null, null);
    }

    /** How long it took until {@code store} folded {@code sequence} events; fails after {@code bound}. */
    private static Duration awaitSequence(Store store, long sequence, Duration bound) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        while (store.state().sequence() < sequence && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.state().sequence()).as("folded within %s", bound).isGreaterThanOrEqualTo(sequence);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private long sessions() {
        return PostgresFixture.count(url, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = '" + PgConnections.APPLICATION_NAME + "'");
    }

    private void awaitSessions(long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sessions() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sessions()).as("Retro Gate sessions").isGreaterThanOrEqualTo(count);
    }

    @Test
    void aFollowerWhoseListeningConnectionWasCutSeesANewEventAfterItReconnects() throws Exception {
        try (Store writer = PostgresFixture.backend(url).open()) {
            writer.execute(state -> Change.of("", List.of(incident(1, "before"))));
            try (Store follower = PostgresFixture.backend(url).openReadOnly()) {
                awaitSessions(3); // the writer's connection, the follower store's, and its listening one
                PostgresFixture.sql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname ="
                        + " current_database() AND application_name = '" + PgConnections.APPLICATION_NAME + "'");

                writer.execute(state -> Change.of("", List.of(incident(2, "while nobody listened"))));
                Duration seen = awaitSequence(follower, 2, Follower.POLL.multipliedBy(3));

                assertThat(follower.state()).isEqualTo(writer.state());
                // the follower waits one poll interval before it connects again, then catches up
                assertThat(seen).isLessThan(Follower.POLL.multipliedBy(2));
            }
        }
    }

    @Test
    void aRowRecordedWithoutANotificationIsSeenWithinThePollInterval() throws Exception {
        try (Store follower = PostgresFixture.backend(url).open()) {
            awaitSessions(2); // listening
            EventRow row = EventRow.of(new HashChain(), 1, HashChain.GENESIS, incident(1, "no notification"));
            // as a writer whose NOTIFY was lost: the row committed, nobody told
            PostgresFixture.sql(url, "INSERT INTO events (seq, format_version, type, payload, prev, hash) VALUES (1, "
                    + row.version() + ", '" + row.type() + "', '" + row.payload().replace("'", "''") + "', '"
                    + row.prev() + "', '" + row.hash() + "')");

            Duration seen = awaitSequence(follower, 1, Follower.POLL.multipliedBy(3));

            assertThat(follower.state().incidents()).containsOnlyKeys("INC-1");
            assertThat(seen).isLessThan(Follower.POLL.plusMillis(750));
        }
    }

    @Test
    void onlyANotificationOfRowsNotYetFoldedSendsTheFollowerToTheDatabase() {
        org.postgresql.PGNotification[] ownCommit = {new org.postgresql.core.Notification(PostgresStore.CHANNEL, 1, "7")};
        org.postgresql.PGNotification[] othersToo = {ownCommit[0],
            new org.postgresql.core.Notification(PostgresStore.CHANNEL, 2, "9")};
        org.postgresql.PGNotification[] unreadable = {new org.postgresql.core.Notification(PostgresStore.CHANNEL, 3, "")};

        assertThat(Follower.anyAfter(ownCommit, 7)).as("its own commit, already folded").isFalse();
        assertThat(Follower.anyAfter(ownCommit, 6)).isTrue();
        assertThat(Follower.anyAfter(othersToo, 7)).as("another process's rows after it").isTrue();
        assertThat(Follower.anyAfter(unreadable, 100)).as("a payload that is not a sequence counts as new").isTrue();
    }
}
