package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repair cuts after the last good record only when asked, and keeps a copy of everything it cuts. */
class RepairTest {
    @TempDir
    Path dir;

    @Test
    void cutsAfterTheLastGoodRecordAndKeepsACopy() throws IOException {
        RetroState built = JournalFixture.build(dir, 25, JournalFixture.SMALL_SEGMENTS);
        List<Path> segments = JournalFixture.segments(dir);
        Path damaged = segments.get(1);
        long offset = JournalFixture.lineOffsets(damaged).get(2);
        byte[] original = Files.readAllBytes(damaged);
        JournalFixture.flipByte(damaged, offset + 100);
        long laterBytes = 0;
        for (Path later : segments.subList(2, segments.size())) {
            laterBytes += Files.size(later);
        }

        RepairReport report = JournalStore.repair(dir);

        assertThat(report.ok()).isTrue();
        assertThat(report.changed()).isTrue();
        assertThat(report.bytesCut()).isEqualTo(original.length - offset + laterBytes);
        assertThat(report.summary()).contains("Repaired").contains("cut " + report.bytesCut() + " bytes");
        byte[] kept = Files.readAllBytes(damaged);
        assertThat(java.util.Arrays.copyOf(kept, (int) offset)).as("the good records stay as they were")
                .isEqualTo(java.util.Arrays.copyOf(original, (int) offset));
        assertThat(kept.length).as("the replayed records follow the last good one").isGreaterThan((int) offset);
        Path copy = report.savedTo().resolve(damaged.getFileName() + ".from-" + offset);
        assertThat(Files.size(copy)).isEqualTo(original.length - offset);
        for (Path later : segments.subList(2, segments.size())) {
            assertThat(report.savedTo().resolve(later.getFileName())).exists();
        }
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state().sequence()).as("the good records, then the replayed ones and the reservation")
                    .isEqualTo(report.lastSequence() + report.replayed() + (report.reserved() == null ? 0 : 1));
            new Story(store).round(99);
        }
        VerifyReport verified = JournalStore.verify(dir);
        assertThat(verified.ok()).as(verified.summary()).isTrue();
        assertThat(verified.problems()).isEmpty();
    }

    @Test
    void aDamagedRecordInTheMiddleLosesOnlyItselfAndWhatNeededItVerifySaysSoFirstAndNoIdIsReused()
            throws IOException {
        RetroState built = JournalFixture.build(dir, 25, JournalFixture.SMALL_SEGMENTS);
        List<Path> segments = JournalFixture.segments(dir);
        Path damaged = segments.get(1);
        JournalFixture.flipByte(damaged, JournalFixture.lineOffsets(damaged).get(2) + 100);

        VerifyReport before = JournalStore.verify(dir);
        RepairReport report = JournalStore.repair(dir);

        assertThat(before.ok()).isFalse();
        long laterRecords = built.sequence() - before.lastSequence();
        assertThat(before.cutRecords()).isEqualTo(laterRecords);
        assertThat(before.replayable()).as("every cut record but the damaged one verifies").isEqualTo(laterRecords - 1);
        assertThat(before.summary()).contains("would cut " + laterRecords + " record(s) after sequence "
                + before.lastSequence(), laterRecords - 1 + " of them still verify");
        assertThat(report.replayed() + report.notReplayed().size()).isEqualTo(before.replayable());
        assertThat(report.summary()).contains("recorded again: " + report.replayed());
        try (JournalStore store = JournalStore.open(dir)) {
            RetroState repaired = store.state();
            // the damaged record opened one incident: it and its items are lost, nothing else
            List<String> lost = built.incidents().keySet().stream()
                    .filter(id -> !repaired.incidents().containsKey(id)).toList();
            assertThat(lost).hasSize(1);
            assertThat(report.notReplayed()).isNotEmpty().allMatch(line -> line.contains(lost.get(0)));
            assertThat(repaired.items().keySet()).containsExactlyInAnyOrderElementsOf(built.items().keySet().stream()
                    .filter(id -> !id.startsWith(lost.get(0) + "-")).toList());
            assertThat(repaired.deployments()).hasSameSizeAs(built.deployments());
            long highest = built.counters().incidents();
            String next = new Story(store).rollback("after-repair").id();
            assertThat(next).as("a new incident never takes a number a cut record used").isEqualTo("INC-" + (highest + 1));
        }
        assertThat(JournalStore.verify(dir).ok()).isTrue();
        assertThat(JournalStore.verify(dir).problems()).isEmpty();
    }

    @Test
    void removesASnapshotNewerThanTheRepairedJournal() throws IOException {
        JournalFixture.build(dir, 10, JournalOptions.defaults().withSegmentBytes(8192).withSnapshotOnCloseAfter(1));
        Path snapshot = JournalFiles.snapshots(dir).get(0).path();
        Path first = JournalFixture.segments(dir).get(0);
        JournalFixture.flipByte(first, JournalFixture.lineOffsets(first).get(5) + 80);

        RepairReport report = JournalStore.repair(dir);

        assertThat(report.lastSequence()).isEqualTo(5);
        assertThat(snapshot).doesNotExist();
        assertThat(report.savedTo().resolve(snapshot.getFileName())).exists();
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state().sequence()).isGreaterThan(5);
        }
    }

    @Test
    void aHealthyStoreIsLeftAlone() {
        JournalFixture.build(dir, 3, JournalFixture.SMALL_SEGMENTS);
        RepairReport report = JournalStore.repair(dir);
        assertThat(report.changed()).isFalse();
        assertThat(report.savedTo()).isNull();
        assertThat(report.summary()).startsWith("Nothing to repair");
    }

    @Test
    void refusesWhileTheStoreIsOpen() {
        try (JournalStore store = JournalStore.open(dir)) {
            StoreException error = catchThrowableOfType(() -> JournalStore.repair(dir), StoreException.class);
            assertThat(error.reason()).isEqualTo(StoreException.Reason.LOCKED);
        }
    }

    @Test
    void verifyNeedsNoLockAndWorksBesideAnOpenStore() {
        try (JournalStore store = JournalStore.open(dir)) {
            new Story(store).round(1);
            VerifyReport report = JournalStore.verify(dir);
            assertThat(report.ok()).isTrue();
            assertThat(report.lastSequence()).isEqualTo(store.state().sequence());
            assertThat(report.summary()).startsWith("OK").contains("every checksum and the hash chain verify");
        }
    }
}
