package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.LogCapture;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files stop start-up with an error naming file, offset and sequence, and change nothing. */
class CorruptionTest {
    @TempDir
    Path dir;
    private RetroState built;
    private List<Path> segments;

    @BeforeEach
    void buildAStoreOfSeveralSegments() {
        built = JournalFixture.build(dir, 25, JournalFixture.SMALL_SEGMENTS);
        segments = JournalFixture.segments(dir);
        assertThat(segments).hasSizeGreaterThan(3);
    }

    @Test
    void aFlippedByteInAMiddleRecordStopsStartUpAndChangesNothing() throws IOException {
        Path file = segments.get(1);
        long offset = JournalFixture.lineOffsets(file).get(3);
        long seq = firstSeq(file) + 3;
        JournalFixture.flipByte(file, offset + 120);

        StoreException error = refusedOpen(StoreException.Reason.CORRUPTED);

        assertThat(error).hasMessageContaining(file.toString()).hasMessageContaining("offset " + offset)
                .hasMessageContaining("sequence " + seq).hasMessageContaining("checksum");
        VerifyReport report = JournalStore.verify(dir);
        assertThat(report.ok()).isFalse();
        assertThat(report.lastSequence()).isEqualTo(seq - 1);
        assertThat(report.problems().get(0)).isEqualTo(new Problem(file, offset, seq, Problem.Kind.CORRUPTED,
                "checksum (CRC32C) mismatch"));
        assertThat(report.summary()).startsWith("FAILED").contains("offset " + offset);
    }

    @Test
    void aFlippedByteInTheLastCompleteRecordIsCorruptionNotATornWrite() throws IOException {
        Path last = segments.get(segments.size() - 1);
        List<Long> offsets = JournalFixture.lineOffsets(last);
        JournalFixture.flipByte(last, offsets.get(offsets.size() - 1) + 60);

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining("sequence " + built.sequence());
    }

    @Test
    void aTornLastRecordIsLeftOutAndLeftInPlaceUntilTheNextWriteCutsIt() throws IOException {
        Path last = segments.get(segments.size() - 1);
        long size = Files.size(last);
        List<Long> offsets = JournalFixture.lineOffsets(last);
        long lastRecord = offsets.get(offsets.size() - 1);
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
            channel.truncate(size - 40);
        }
        Map<String, String> before = JournalFixture.contents(dir);
        List<String> warnings = LogCapture.warnings(JournalStore.class, () -> {
            try (JournalStore store = JournalStore.open(dir, JournalFixture.SMALL_SEGMENTS)) {
                assertThat(store.state().sequence()).isEqualTo(built.sequence() - 1);
            }
        });
        assertThat(warnings).singleElement().asString().contains("unfinished write of sequence " + built.sequence())
                .contains(last.toString()).contains("offset " + lastRecord).contains("next write cuts it");
        assertThat(JournalFixture.contents(dir)).as("opening and closing without a write changes no file")
                .isEqualTo(before);

        long written;
        try (JournalStore store = JournalStore.open(dir, JournalFixture.SMALL_SEGMENTS)) {
            new Story(store).rollback("after-the-tear");
            written = store.state().sequence();
            assertThat(written).as("the new records follow the last good one").isGreaterThan(built.sequence() - 1);
        }
        assertThat(JournalStore.verify(dir).problems()).isEmpty();
        try (JournalStore store = JournalStore.open(dir, JournalFixture.SMALL_SEGMENTS)) {
            assertThat(store.state().sequence()).isEqualTo(written);
            assertThat(store.state().incidents().values()).anyMatch(i -> i.affects("after-the-tear"));
        }
    }

    @Test
    void aReadOnlyOpenOfAStoreWithATornTailChangesNothingAndRecordsNothing() throws IOException {
        Path last = segments.get(segments.size() - 1);
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(last) - 40);
            channel.write(java.nio.ByteBuffer.allocate(4096), channel.size()); // zeros a dead writer left ahead
        }
        Map<String, String> before = JournalFixture.contents(dir);
        LogCapture.warnings(JournalStore.class, () -> {
            try (JournalStore store = JournalStore.open(dir, JournalFixture.SMALL_SEGMENTS.asReadOnly())) {
                assertThat(store.state().sequence()).isEqualTo(built.sequence() - 1);
                assertThat(store.events(1, 5)).hasSize(5);
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Story(store).rollback("x"))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
            }
        });
        assertThat(JournalFixture.contents(dir)).isEqualTo(before);
    }

    @Test
    void aMiddleSegmentCutShortStopsStartUp() throws IOException {
        Path file = segments.get(1);
        long third = JournalFixture.lineOffsets(file).get(2);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(third + 50);
        }
        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining(file.toString())
                .hasMessageContaining("offset " + third).hasMessageContaining("unfinished record of 50 bytes");
    }

    @Test
    void aMiddleSegmentCutAtARecordBoundaryLeavesAGapThatStopsStartUp() throws IOException {
        Path file = segments.get(1);
        long cut = JournalFixture.lineOffsets(file).get(2);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(cut);
        }
        long missing = firstSeq(file) + 2;
        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining(segments.get(2).toString())
                .hasMessageContaining("events " + missing + " to " + (firstSeq(segments.get(2)) - 1) + " are missing");
    }

    @Test
    void aDuplicatedLineStopsStartUp() throws IOException {
        Path file = segments.get(0);
        List<String> lines = new ArrayList<>(JournalFixture.lines(file));
        lines.add(4, lines.get(3));
        JournalFixture.writeLines(file, lines);
        long offset = JournalFixture.lineOffsets(file).get(4);

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining("offset " + offset)
                .hasMessageContaining("sequence number 4 where 5 was expected");
    }

    @Test
    void aDuplicatedLastLineIsCorruptionToo() throws IOException {
        Path file = segments.get(segments.size() - 1);
        List<String> lines = new ArrayList<>(JournalFixture.lines(file));
        lines.add(lines.get(lines.size() - 1));
        JournalFixture.writeLines(file, lines);

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED))
                .hasMessageContaining("where " + (built.sequence() + 1) + " was expected");
    }

    @Test
    void aForeignLineStopsStartUp() throws IOException {
        Path file = segments.get(1);
        List<String> lines = new ArrayList<>(JournalFixture.lines(file));
        lines.add(2, "{\"note\":\"edited by hand\"}");
        JournalFixture.writeLines(file, lines);

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining("not a journal record")
                .hasMessageContaining("sequence " + (firstSeq(file) + 2));
    }

    @Test
    void aForeignLastLineIsNotSilentlyDropped() throws IOException {
        Path file = segments.get(segments.size() - 1);
        Files.writeString(file, "hello\n", StandardOpenOption.APPEND);

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining("not a journal record");
    }

    @Test
    void zerosFollowedByRecordsAreCorruptionNotPadding() throws IOException {
        Path file = segments.get(segments.size() - 1);
        byte[] bytes = Files.readAllBytes(file);
        int at = JournalFixture.lineOffsets(file).get(0).intValue();
        byte[] damaged = new byte[bytes.length + 64];
        System.arraycopy(bytes, 0, damaged, 64, bytes.length);
        Files.write(file, damaged);

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining("NUL bytes followed by other data")
                .hasMessageContaining("offset " + at);
    }

    @Test
    void anEmptiedMiddleSegmentStopsStartUp() throws IOException {
        Files.write(segments.get(2), new byte[0]);

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining(segments.get(2).toString())
                .hasMessageContaining("empty");
    }

    @Test
    void aMissingSegmentStopsStartUp() throws IOException {
        Files.delete(segments.get(2));

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining(segments.get(3).toString())
                .hasMessageContaining("are missing");
    }

    @Test
    void aMissingFirstSegmentStopsStartUp() throws IOException {
        Files.delete(segments.get(0));

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining("events 1 to");
    }

    @Test
    void aBrokenHashChainStopsStartUp() throws IOException {
        // A well-formed record (valid CRC and hash) that does not link to the one before it.
        Path file = segments.get(1);
        List<String> lines = new ArrayList<>(JournalFixture.lines(file));
        long seq = firstSeq(file) + 1;
        RecordFormat format = new RecordFormat();
        byte[] event = lines.get(1).substring(lines.get(1).indexOf("\"event\":{") + 8,
                lines.get(1).indexOf(",\"hash\":")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String forged = new String(format.encode(seq, 1, "f".repeat(64), event).line(),
                java.nio.charset.StandardCharsets.UTF_8).strip();
        lines.set(1, forged);
        JournalFixture.writeLines(file, lines);

        assertThat(refusedOpen(StoreException.Reason.CORRUPTED)).hasMessageContaining("hash chain broken")
                .hasMessageContaining("sequence " + seq);
    }

    private StoreException refusedOpen(StoreException.Reason reason) throws IOException {
        Map<String, String> before = JournalFixture.contents(dir);
        StoreException error = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir));
        assertThat(error).as("open must refuse").isNotNull();
        assertThat(error.reason()).as(error.getMessage()).isEqualTo(reason);
        assertThat(JournalFixture.contents(dir)).as("a refused open changes nothing").isEqualTo(before);
        assertThat(JournalStore.verify(dir).ok()).isFalse();
        return error;
    }

    private static long firstSeq(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring("journal-".length(), name.length() - ".jsonl".length()));
    }
}
