package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
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
        JournalFixture.build(dir, 25, JournalFixture.SMALL_SEGMENTS);
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
    void aRunOfZeroBytesInTheMiddleLosesOnlyTheRecordsItCoversAndKeepsTheCountersWhereTheyWere() throws IOException {
        RetroState built = JournalFixture.build(dir, 25, JournalFixture.SMALL_SEGMENTS);
        Path damaged = JournalFixture.segments(dir).get(1);
        List<Long> offsets = JournalFixture.lineOffsets(damaged);
        byte[] bytes = Files.readAllBytes(damaged);
        java.util.Arrays.fill(bytes, offsets.get(2).intValue(), offsets.get(3).intValue(), (byte) 0);
        Files.write(damaged, bytes);

        VerifyReport before = JournalStore.verify(dir);
        RepairReport report = JournalStore.repair(dir);

        assertThat(before.replayable()).isEqualTo(built.sequence() - before.lastSequence() - 1);
        assertThat(report.replayed()).isPositive();
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state().counters().incidents()).isEqualTo(built.counters().incidents());
            assertThat(store.state().counters().deployments()).isEqualTo(built.counters().deployments());
            assertThat(new Story(store).rollback("after-repair").id()).isEqualTo("INC-" + (built.counters().incidents() + 1));
        }
    }

    @Test
    void anIdMentionedInFreeTextIsNotReservedButALostActionItemNumberIs() throws IOException {
        String lostItem;
        long incidents;
        try (JournalStore store = JournalStore.open(dir, JournalFixture.SMALL_SEGMENTS)) {
            Story story = new Story(store);
            var incident = story.rollback("payments");
            story.item(incident, "first");
            lostItem = story.item(incident, "Same as INC-999999999 and DEP-77777 last year").id();
            story.rollback("search");
            incidents = store.state().counters().incidents();
        }
        Path segment = JournalFixture.segments(dir).get(JournalFixture.segments(dir).size() - 1);
        List<String> lines = JournalFixture.lines(segment);
        int index = 0;
        while (!(lines.get(index).contains("item-added") && lines.get(index).contains("\"itemId\":\"" + lostItem + "\""))) {
            index++;
        }
        JournalFixture.flipByte(segment, JournalFixture.lineOffsets(segment).get(index) + 30);

        RepairReport report = JournalStore.repair(dir);

        assertThat(report.reserved()).contains(lostItem).doesNotContain("999999999").doesNotContain("77777");
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state().items()).doesNotContainKey(lostItem).hasSize(1);
            Story story = new Story(store);
            String next = story.item(store.state().incidents().get("INC-1"), "third").id();
            assertThat(lostItem).isEqualTo("INC-1-A2");
            assertThat(next).as("the lost item's number is not handed out again").isEqualTo("INC-1-A3");
            assertThat(story.rollback("checkout").id()).isEqualTo("INC-" + (incidents + 1));
        }
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state().counters().reservedItems("INC-1")).isEqualTo(2);
            store.snapshot();
        }
        assertThat(JournalStore.verify(dir).problems()).as("the snapshot keeps the reservation").isEmpty();
        try (JournalStore store = JournalStore.open(dir)) {
            assertThat(store.state().counters().reservedItems("INC-1")).isEqualTo(2);
        }
    }

    @Test
    void aMissingFirstSegmentIsRepairedIntoAStoreThatOpens() throws IOException {
        JournalFixture.build(dir, 25, JournalFixture.SMALL_SEGMENTS);
        Files.delete(JournalFixture.segments(dir).get(0));

        RepairReport report = JournalStore.repair(dir);

        assertThat(report.ok()).isTrue();
        try (JournalStore store = JournalStore.open(dir)) {
            new Story(store).rollback("after-repair");
        }
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
    @SuppressWarnings("try") // the store is held open for its lock, never used
    void refusesWhileTheStoreIsOpen() {
        try (JournalStore store = JournalStore.open(dir)) {
            StoreException error = catchThrowableOfType(StoreException.class, () -> JournalStore.repair(dir));
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
