package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a store directory are its segments and snapshots, and in what order they are read. */
class JournalFilesTest {
    @TempDir
    Path dir;

    @Test
    void segmentsAndSnapshotsAreTheStoresOwnNamesInNumberOrder() throws IOException {
        Files.writeString(JournalFiles.segment(dir, 1_000_001), "");
        Files.writeString(JournalFiles.segment(dir, 1), "");
        Files.writeString(JournalFiles.segment(dir, 20), "");
        Files.writeString(JournalFiles.snapshot(dir, 999), "{}");
        Files.writeString(JournalFiles.snapshot(dir, 30), "{}");

        assertThat(JournalFiles.segments(dir)).extracting(JournalFiles.Numbered::seq).containsExactly(1L, 20L, 1_000_001L);
        assertThat(JournalFiles.segments(dir).get(2).path()).isEqualTo(JournalFiles.segment(dir, 1_000_001));
        assertThat(JournalFiles.snapshots(dir)).extracting(JournalFiles.Numbered::seq).containsExactly(30L, 999L);
    }

    @Test
    void filesThatOnlyLookLikeThemAreLeftAlone() throws IOException {
        Files.writeString(JournalFiles.segment(dir, 5), "");
        Files.createDirectory(JournalFiles.segment(dir, 6));                       // a directory, not a file
        Files.writeString(dir.resolve("journal-0000000000000000000x.jsonl"), "");  // not digits
        Files.writeString(dir.resolve("journal-0000000000000000007.jsonl"), "");   // 19 digits
        Files.writeString(dir.resolve("journal-00000000000000000008.jsonl.bak"), "");
        Files.writeString(dir.resolve("journal-99999999999999999999.jsonl"), "");  // beyond any sequence number
        Files.writeString(dir.resolve("snapshot-00000000000000000009.jsonl"), ""); // a snapshot's number, a segment's end

        assertThat(JournalFiles.segments(dir)).extracting(JournalFiles.Numbered::seq).containsExactly(5L);
        assertThat(JournalFiles.snapshots(dir)).isEmpty();
    }

    @Test
    void theLargestSequenceNumberIsStillOne() {
        assertThat(JournalFiles.number("journal-09223372036854775807.jsonl", "journal-", ".jsonl")).isEqualTo(Long.MAX_VALUE);
        assertThat(JournalFiles.number("journal-09223372036854775808.jsonl", "journal-", ".jsonl")).isEqualTo(-1);
    }
}
