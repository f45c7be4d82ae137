package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Builds small stores on disk and takes their files apart for the corruption tests. */
final class JournalFixture {
    static final JournalOptions SMALL_SEGMENTS = JournalOptions.defaults().withSegmentBytes(8192)
            .withSnapshotOnCloseAfter(0);

    private JournalFixture() {
    }

    /** A closed store of {@code rounds} story rounds; returns its final state. */
    static RetroState build(Path dir, int rounds, JournalOptions options) {
        try (JournalStore store = JournalStore.open(dir, options)) {
            Story story = new Story(store);
            for (int i = 0; i < rounds; i++) {
                story.round(i);
            }
            return store.state();
        }
    }

    static List<Path> segments(Path dir) {
        return JournalFiles.segments(dir).stream().map(JournalFiles.Numbered::path).toList();
    }

    /** The byte offset of each line of a file. */
    static List<Long> lineOffsets(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Long> offsets = new ArrayList<>();
        long start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                offsets.add(start);
                start = i + 1L;
            }
        }
        return offsets;
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    static void writeLines(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    static void flipByte(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x01;
        Files.write(file, bytes);
    }

    /** Every file of the directory with its bytes, to prove a failed open changed nothing. */
    static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals(JournalFiles.LOCK)) {
                    result.put(dir.relativize(file).toString(), new String(Files.readAllBytes(file),
                            StandardCharsets.ISO_8859_1));
                }
            }
        }
        return result;
    }
}
