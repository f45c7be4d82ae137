package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.LogCapture;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots rebuild the same state, are checked against the journal, and formats are versioned. */
class SnapshotAndFormatTest {
    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    @Test
    void aSnapshotNewerThanTheJournalStopsStartUp() throws IOException {
        JournalFixture.build(dir, 5, JournalFixture.SMALL_SEGMENTS);
        copyDir(dir, elsewhere);
        try (JournalStore store = JournalStore.open(dir, JournalFixture.SMALL_SEGMENTS)) {
            Story story = new Story(store);
            story.round(6);
            story.round(7);
            store.snapshot();
        }
        Path snapshot = JournalFiles.snapshots(dir).get(0).path();
        // The journal goes back to an older copy: the snapshot now claims events the journal lost.
        for (JournalFiles.Numbered segment : JournalFiles.segments(dir)) {
            Files.delete(segment.path());
        }
        for (JournalFiles.Numbered segment : JournalFiles.segments(elsewhere)) {
            Files.copy(segment.path(), dir.resolve(segment.path().getFileName()));
        }

        StoreException error = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir));

        assertThat(error.reason()).isEqualTo(StoreException.Reason.CORRUPTED);
        assertThat(error).hasMessageContaining(snapshot.toString()).hasMessageContaining("journal ends at sequence");
        VerifyReport report = JournalStore.verify(dir);
        assertThat(report.ok()).isFalse();
        assertThat(report.summary()).contains("newer than the journal");
    }

    @Test
    void closingASessionThatRecordedNothingWritesNoSnapshotHoweverManyEventsWait() {
        RetroState built = JournalFixture.build(dir, 5, JournalFixture.SMALL_SEGMENTS);
        JournalOptions options = JournalOptions.defaults().withSnapshotOnCloseAfter(10);
        assertThat(built.sequence()).isGreaterThanOrEqualTo(10);
        assertThat(JournalFiles.snapshots(dir)).isEmpty();

        try (JournalStore reader = JournalStore.open(dir, options)) {
            assertThat(reader.state().sequence()).isEqualTo(built.sequence());
        }
        assertThat(JournalFiles.snapshots(dir)).isEmpty();

        try (JournalStore writer = JournalStore.open(dir, options)) {
            new Story(writer).round(5);
        }
        assertThat(JournalFiles.snapshots(dir)).hasSize(1);
    }

    @Test
    void aSnapshotOfAnotherStoreIsRefused() throws IOException {
        JournalFixture.build(dir, 5, JournalFixture.SMALL_SEGMENTS);
        try (JournalStore other = JournalStore.open(elsewhere)) {
            Story story = new Story(other);
            for (int i = 0; i < 5; i++) {
                story.round(100 + i);
            }
            other.snapshot();
        }
        Path foreign = JournalFiles.snapshots(elsewhere).get(0).path();
        Files.copy(foreign, dir.resolve(foreign.getFileName()));

        StoreException error = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir));

        assertThat(error.reason()).isEqualTo(StoreException.Reason.CORRUPTED);
        assertThat(error).hasMessageContaining("does not belong to this journal");
    }

    @Test
    void aDamagedSnapshotIsIgnoredWithAWarningAndTheJournalReplayed() throws IOException {
        RetroState built;
        try (JournalStore store = JournalStore.open(dir)) {
            Story story = new Story(store);
            for (int i = 0; i < 10; i++) {
                story.round(i);
            }
            store.snapshot();
            built = store.state();
        }
        Path snapshot = JournalFiles.snapshots(dir).get(0).path();
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length - 30] ^= 0x02;
        Files.write(snapshot, bytes);

        List<String> warnings = LogCapture.warnings(JournalStore.class, () -> {
            try (JournalStore store = JournalStore.open(dir)) {
                assertThat(store.state()).isEqualTo(built);
            }
        });

        assertThat(warnings).singleElement().asString().contains("Ignoring snapshot").contains("CRC32C");
        assertThat(JournalStore.verify(dir).problems()).extracting(Problem::kind)
                .containsExactly(Problem.Kind.DAMAGED_SNAPSHOT);
    }

    @Test
    void backgroundSnapshotsKeepOnlyTheNewestAndStartUpMatchesAFullReplay() throws Exception {
        JournalOptions options = JournalOptions.defaults().withSnapshotEvery(40).withKeepSnapshots(2)
                .withSnapshotOnCloseAfter(0);
        RetroState built = JournalFixture.build(dir, 60, options);
        assertThat(JournalFiles.snapshots(dir)).hasSizeBetween(1, 2);
        try (JournalStore store = JournalStore.open(dir, options)) {
            assertThat(store.state()).isEqualTo(built);
        }
        for (JournalFiles.Numbered snapshot : JournalFiles.snapshots(dir)) {
            Files.delete(snapshot.path());
        }
        try (JournalStore store = JournalStore.open(dir, options)) {
            assertThat(store.state()).isEqualTo(built);
        }
        assertThat(JournalStore.verify(dir).ok()).isTrue();
    }

    @Test
    void aStoreOpenedForOneCommandRecordsOnFromItsSnapshotAsAFullReplayWould() throws IOException {
        JournalOptions options = JournalOptions.defaults().withSnapshotOnCloseAfter(1);
        RetroState built = JournalFixture.build(dir, 30, options);
        assertThat(JournalFiles.snapshots(dir)).isNotEmpty();

        RetroState after;
        try (Store store = new JournalBackend(dir, options.withSnapshotOnCloseAfter(0)).forOneCommand().open()) {
            new Story(store).round(30); // commands that read and change deployments and items, history not decoded yet
            after = store.state();
        }
        for (JournalFiles.Numbered snapshot : JournalFiles.snapshots(dir)) {
            Files.delete(snapshot.path());
        }
        try (JournalStore store = JournalStore.open(dir, JournalOptions.defaults())) {
            assertThat(store.state()).as("every event replayed").isEqualTo(after);
            assertThat(store.state().sequence()).isGreaterThan(built.sequence());
        }
    }

    @Test
    void aSnapshotWhoseHistoryDoesNotDecodeIsIgnoredWhenTheEventsAfterItReadItNotTheJournalBlamed()
            throws IOException {
        try (JournalStore store = JournalStore.open(dir)) {
            Story story = new Story(store);
            for (int i = 0; i < 10; i++) {
                story.round(i);
            }
            store.snapshot();
            story.round(10); // events after the snapshot that read and change its history
        }
        RetroState replayed;
        Path aside = dir.resolveSibling("aside");
        Files.createDirectories(aside);
        Path snapshot = JournalFiles.snapshots(dir).get(0).path();
        Files.move(snapshot, aside.resolve(snapshot.getFileName()));
        try (JournalStore store = JournalStore.open(dir)) {
            replayed = store.state();
        }
        Files.move(aside.resolve(snapshot.getFileName()), snapshot);
        reverseRows(snapshot, "deployments"); // passes its CRC32C, fails to decode: out of id order

        List<String> warnings = LogCapture.warnings(JournalStore.class, () -> {
            try (JournalStore store = JournalStore.open(dir)) {
                assertThat(store.state()).isEqualTo(replayed);
            }
        });

        assertThat(warnings).singleElement().asString().contains("Ignoring snapshot")
                .contains("not in ascending id order");
        assertThat(JournalStore.verify(dir).problems()).extracting(Problem::kind)
                .containsExactly(Problem.Kind.DAMAGED_SNAPSHOT);
    }

    /** Reverses the rows of the only section called {@code name} and gives it a matching CRC32C. */
    private static void reverseRows(Path file, String name) throws IOException {
        List<String> lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n")));
        SnapshotFormat.Header header = SnapshotFormat.header(lines.get(0));
        List<SnapshotFormat.Section> sections = new ArrayList<>(header.sections());
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(name)) {
                var rows = (com.fasterxml.jackson.databind.node.ArrayNode) EventJson.mapper().readTree(lines.get(i + 1));
                assertThat(rows.size()).isGreaterThan(1);
                var reversed = EventJson.mapper().createArrayNode();
                for (int r = rows.size() - 1; r >= 0; r--) {
                    reversed.add(rows.get(r));
                }
                String line = EventJson.mapper().writeValueAsString(reversed);
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                crc.update(bytes);
                sections.set(i, new SnapshotFormat.Section(name, sections.get(i).count(), bytes.length,
                        String.format("%08x", crc.getValue())));
                lines.set(i + 1, line);
            }
        }
        lines.set(0, EventJson.mapper().writeValueAsString(new SnapshotFormat.Header(header.format(),
                header.eventFormat(), header.sequence(), header.hash(), header.segment(), header.offset(),
                header.createdAt(), sections)));
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void closeWritesASnapshotWhenEnoughHappened() {
        RetroState built = JournalFixture.build(dir, 5, JournalOptions.defaults().withSnapshotOnCloseAfter(10));
        assertThat(JournalFiles.snapshots(dir)).extracting(JournalFiles.Numbered::seq)
                .containsExactly(built.sequence());
        VerifyReport report = JournalStore.verify(dir);
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aRecordOfANewerFormatIsRefusedWithAClearMessage() throws IOException {
        JournalFixture.build(dir, 2, JournalFixture.SMALL_SEGMENTS);
        Path last = JournalFixture.segments(dir).get(JournalFixture.segments(dir).size() - 1);
        List<String> lines = new ArrayList<>(JournalFixture.lines(last));
        String line = lines.get(lines.size() - 1);
        long seq = Long.parseLong(line.substring(7, line.indexOf(',')));
        String prev = line.substring(line.indexOf("\"prev\":\"") + 8, line.indexOf("\"prev\":\"") + 72);
        byte[] event = line.substring(line.indexOf("\"event\":{") + 8, line.indexOf(",\"hash\":"))
                .getBytes(StandardCharsets.UTF_8);
        int newer = EventJson.FORMAT_VERSION + 1;
        lines.set(lines.size() - 1, new String(new RecordFormat().encode(seq, newer, prev, event).line(),
                StandardCharsets.UTF_8).strip());
        JournalFixture.writeLines(last, lines);

        StoreException error = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir));

        assertThat(error.reason()).isEqualTo(StoreException.Reason.UNSUPPORTED_FORMAT);
        assertThat(error).hasMessageContaining("format version " + newer + " is newer").hasMessageContaining("upgrade");
        assertThat(JournalStore.repair(dir).changed()).as("repair never cuts what a newer version wrote").isFalse();
    }

    @Test
    void aFactRecordedAfterItHappenedIsAVersion2RecordAndEveryOtherEventStaysVersion1() throws IOException {
        var clock = new io.jenkins.plugins.retrogate.engine.TestClock();
        java.time.Instant mitigated;
        try (JournalStore store = JournalStore.open(dir)) {
            var gate = new io.jenkins.plugins.retrogate.engine.command.RetroGate(store,
                    io.jenkins.plugins.retrogate.engine.policy.GatePolicy::defaults, clock);
            var incident = gate.rollback(io.jenkins.plugins.retrogate.engine.model.Actor.of("alice"),
                    io.jenkins.plugins.retrogate.engine.command.RollbackRequest.of("cart", "production", "500s"))
                    .incident();
            mitigated = clock.instant().plusSeconds(600);
            clock.advance(java.time.Duration.ofHours(9));
            gate.updateIncident(io.jenkins.plugins.retrogate.engine.model.Actor.of("alice"),
                    io.jenkins.plugins.retrogate.engine.command.IncidentUpdate.of(incident.id())
                            .withMitigation(io.jenkins.plugins.retrogate.engine.model.MitigationKind.TEMPORARY, "flag")
                            .withAt(mitigated));
        }
        List<String> lines = JournalFixture.lines(JournalFixture.segments(dir).get(0));

        assertThat(lines).filteredOn(l -> l.contains("\"happenedAt\"")).hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("\"v\":2,"));
        // a deployment that says how it went past the gate (here: a bypass) needs version 2 too
        assertThat(lines).filteredOn(l -> l.contains("\"gate\":")).hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("\"v\":2,"));
        assertThat(lines).filteredOn(l -> !l.contains("\"happenedAt\"") && !l.contains("\"gate\":")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("\"v\":1,"));
        try (JournalStore reopened = JournalStore.open(dir)) {
            assertThat(reopened.state().incident("INC-1").orElseThrow().mitigations().get(0).at()).isEqualTo(mitigated);
        }
    }

    @Test
    void aSnapshotOfANewerFormatIsRefused() throws IOException {
        JournalFixture.build(dir, 2, JournalOptions.defaults().withSnapshotOnCloseAfter(1));
        Path snapshot = JournalFiles.snapshots(dir).get(0).path();
        String text = Files.readString(snapshot, StandardCharsets.UTF_8).replaceFirst("\"format\":" + SnapshotFormat.FORMAT, "\"format\":9");
        Files.writeString(snapshot, text, StandardCharsets.UTF_8);

        StoreException error = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir));

        assertThat(error.reason()).isEqualTo(StoreException.Reason.UNSUPPORTED_FORMAT);
        assertThat(error).hasMessageContaining("format 9");
    }

    private static void copyDir(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
