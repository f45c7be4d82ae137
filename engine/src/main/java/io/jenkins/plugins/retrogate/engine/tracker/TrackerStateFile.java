package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * {@value #FILE_NAME} beside a store: what the tracker sync remembers between runs
 * ({@link TrackerSyncState}) and each tracker's health. The CLI and Jenkins read and write it only
 * through here. Written whole or not at all (a temporary file, forced to disk, then an atomic move),
 * so a crash leaves the previous state or the new one, never half of one. Losing it is safe: the
 * next sync reads every ticket again ({@code docs/trackers.md}).
 */
public final class TrackerStateFile {
    /** The file's name, in the store's directory. */
    public static final String FILE_NAME = "tracker-sync.json";

    private final Path file;

    /** The state file in {@code directory} (the store's). */
    public TrackerStateFile(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /**
     * The last saved state; {@link TrackerSyncState#empty()} before the first sync.
     *
     * @throws StoreException CORRUPTED, saying that deleting it is safe, when the file cannot be read;
     *                        the file is left as it is
     */
    public TrackerSyncState read() {
        if (!Files.isRegularFile(file)) {
            return TrackerSyncState.empty();
        }
        try {
            return TrackerSyncState.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (TrackerException | IOException e) {
            throw new StoreException(StoreException.Reason.CORRUPTED, file + " cannot be read: " + e.getMessage()
                    + ". Deleting it is safe: the next sync reads every ticket again (see docs/trackers.md)", e);
        }
    }

    /**
     * For an unattended reader (Jenkins syncs on a timer, with nobody to answer): as {@link #read()},
     * but an unreadable file is moved aside to {@code tracker-sync.json.unreadable-<millis>} (kept for
     * inspection, never overwritten) and the sync starts afresh; {@code warn} is told where it went and why.
     */
    public TrackerSyncState readOrSetAside(Clock clock, BiConsumer<String, Exception> warn) {
        try {
            return read();
        } catch (StoreException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".unreadable-" + clock.millis());
            try {
                Files.move(file, aside);
                warn.accept(e.getMessage() + " It is moved to " + aside + " and the next tracker sync starts afresh", e);
            } catch (IOException moveFailure) {
                e.addSuppressed(moveFailure);
                warn.accept(e.getMessage() + " It could not be moved aside (" + moveFailure + ")", e);
            }
            return TrackerSyncState.empty();
        }
    }

    /**
     * Replaces the saved state with {@code state}, atomically.
     *
     * @throws StoreException IO when it cannot be written; the previous state is left as it was
     */
    public void write(TrackerSyncState state) {
        try {
            // never null: the file is <directory>/tracker-sync.json
            Path directory = Objects.requireNonNull(file.toAbsolutePath().getParent(), "directory");
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "." + FILE_NAME, ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer bytes = ByteBuffer.wrap((state.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot write " + file + ": " + e, e);
        }
    }
}
