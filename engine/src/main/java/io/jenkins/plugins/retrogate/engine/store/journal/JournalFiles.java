package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of a store directory's files: {@code journal-<first seq, 20 digits>.jsonl} segments,
 * {@code snapshot-<seq, 20 digits>.json} snapshots and the {@code store.lock} file.
 */
final class JournalFiles {
    static final String LOCK = "store.lock";
    private static final Pattern SEGMENT = Pattern.compile("journal-(\\d{20})\\.jsonl");
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-(\\d{20})\\.json");

    private JournalFiles() {
    }

    /** A file named after a sequence number. */
    record Numbered(long seq, Path path) {
    }

    static Path segment(Path dir, long firstSeq) {
        return dir.resolve(String.format("journal-%020d.jsonl", firstSeq));
    }

    static Path snapshot(Path dir, long seq) {
        return dir.resolve(String.format("snapshot-%020d.json", seq));
    }

    /** The segments, oldest first. */
    static List<Numbered> segments(Path dir) {
        return list(dir, SEGMENT);
    }

    /** The snapshots, oldest first. */
    static List<Numbered> snapshots(Path dir) {
        return list(dir, SNAPSHOT);
    }

    private static List<Numbered> list(Path dir, Pattern pattern) {
        List<Numbered> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = pattern.matcher(String.valueOf(file.getFileName()));
                if (m.matches() && Files.isRegularFile(file)) {
                    result.add(new Numbered(Long.parseLong(m.group(1)), file));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot list the store directory " + dir + ": " + e, e);
        }
        result.sort(Comparator.comparingLong(Numbered::seq));
        return result;
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
