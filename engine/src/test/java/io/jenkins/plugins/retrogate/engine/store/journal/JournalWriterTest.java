package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {
    @TempDir
    Path dir;

    /**
     * A waiter returns as soon as it sees its records durable — waiters that yield poll for it — and
     * its caller then reads {@code state()}. So the state must be published before the records count
     * as durable: the other way round, {@code execute} could return before the caller's own event is
     * in the state it reads next.
     */
    @Test
    void recordsCountAsDurableOnlyOnceTheirStateIsPublished() throws IOException {
        ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
        segments.put(1L, JournalFiles.segment(dir, 1));
        AtomicReference<JournalWriter> writer = new AtomicReference<>();
        List<Long> durableWhilePublishing = new ArrayList<>();
        RetroState empty = RetroState.empty();
        writer.set(new JournalWriter(dir, 1 << 20, segments, 1, 0, empty,
                published -> durableWhilePublishing.add(writer.get().durable())));
        try (JournalWriter journal = writer.get()) {
            for (long seq = 1; seq <= 3; seq++) {
                byte[] line = ("record " + seq + "\n").getBytes(StandardCharsets.US_ASCII);
                journal.append(line, line.length, seq, at(empty, seq));
                journal.awaitDurable(seq);
                assertThat(journal.durable()).isEqualTo(seq);
            }
        }
        assertThat(durableWhilePublishing).as("durable sequence seen while each state was published")
                .containsExactly(0L, 1L, 2L);
    }

    private static RetroState at(RetroState s, long seq) {
        return new RetroState(seq, s.incidents(), s.items(), s.activeItemsByService(), s.itemsByIncident(),
                s.openIncidentByService(), s.rollbackIncidentByService(), s.deployments(), s.overrides(),
                s.overridesByTarget(), s.requests(), s.pendingRequestByTarget(), s.counters(), s.decisionsByBuild(),
                s.partialApprovals());
    }
}
