package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The names of a store directory's files: {@code journal-<first seq, 20 digits>.jsonl} segments,
 * {@code snapshot-<seq, 20 digits>.json} snapshots and the {@code store.lock} file.
 */
final class JournalFiles {
    static final String LOCK = "store.lock";
    private static final String SEGMENT = "journal-";
    private static final String SEGMENT_END = ".jsonl";
    private static final String SNAPSHOT = "snapshot-";
    private static final String SNAPSHOT_END = ".json";
    private static final int DIGITS = 20;

    private JournalFiles() {
    }

    /** A file named after a sequence number; ordered by it. */
    record Numbered(long seq, Path path) implements Comparable<Numbered> {
        @Override
        public int compareTo(Numbered other) {
            return Long.compare(seq, other.seq);
        }
    }

    static Path segment(Path dir, long firstSeq) {
        return dir.resolve(String.format("journal-%020d.jsonl", firstSeq));
    }

    static Path snapshot(Path dir, long seq) {
        return dir.resolve(String.format("snapshot-%020d.json", seq));
    }

    /** The segments, oldest first. */
    static List<Numbered> segments(Path dir) {
        return list(dir, SEGMENT, SEGMENT_END);
    }

    /** The snapshots, oldest first. */
    static List<Numbered> snapshots(Path dir) {
        return list(dir, SNAPSHOT, SNAPSHOT_END);
    }

    /**
     * The regular files named {@code <prefix><20 digits><suffix>}, by number. A loop rather than a stream
     * and a regex: every command lists its store on the way in, and their first use costs start-up.
     */
    private static List<Numbered> list(Path dir, String prefix, String suffix) {
        List<Numbered> result = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                long seq = number(String.valueOf(file.getFileName()), prefix, suffix);
                if (seq >= 0 && Files.isRegularFile(file)) {
                    result.add(new Numbered(seq, file));
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot list the store directory " + dir + ": " + e, e);
        }
        Collections.sort(result);
        return result;
    }

    /** The number in {@code <prefix><20 ASCII digits><suffix>}; -1 when {@code name} is not such a name (or the number is beyond a long). */
    static long number(String name, String prefix, String suffix) {
        if (name.length() != prefix.length() + DIGITS + suffix.length() || !name.startsWith(prefix)
                || !name.endsWith(suffix)) {
            return -1;
        }
        long seq = 0;
        for (int i = prefix.length(); i < prefix.length() + DIGITS; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            if (seq > (Long.MAX_VALUE - (c - '0')) / 10) {
                return -1;   // beyond any sequence number: not a name the store gives
            }
            seq = seq * 10 + (c - '0');
        }
        return seq;
    }

    /**
     * Makes a created, renamed or deleted directory entry durable. Interrupt-safe (see
     * {@link Interrupts}): an interrupt neither fails it nor is lost.
     */
    static void syncDirectory(Path dir) throws IOException {
        Interrupts.run(() -> forceDirectory(dir));
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (java.nio.channels.ClosedChannelException e) {
            throw e;
        } catch (IOException e) {
            // Some file systems (and Windows) cannot open a directory; the rename is then as durable as they make it.
            if (Files.isDirectory(dir) && System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e;
        }
    }
}
