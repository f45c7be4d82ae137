package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerException;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * {@code <home>/tracker-sync.json}: what the tracker sync remembers between runs, and each tracker's
 * health. Written whole or not at all (a temporary file, flushed to disk, then an atomic rename), so a
 * crash leaves the previous state or the new one, never half of one.
 */
final class TrackerStateFile {
    static final String FILE = "tracker-sync.json";

    private TrackerStateFile() {
    }

    static Path file(Path home) {
        return home.resolve(FILE);
    }

    /** The last saved state; {@link TrackerSyncState#empty()} before the first sync. */
    static TrackerSyncState read(Path home) {
        Path file = file(home);
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

    static void write(Path home, TrackerSyncState state) {
        Path target = file(home);
        try {
            Path temporary = Files.createTempFile(home, "." + FILE, ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer bytes = ByteBuffer.wrap((state.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    channel.force(true);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot write " + target + ": " + e, e);
        }
    }
}
