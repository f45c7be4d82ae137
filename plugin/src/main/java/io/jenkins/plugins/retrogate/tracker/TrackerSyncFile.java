package io.jenkins.plugins.retrogate.tracker;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.retrogate.config.RetroGateConfiguration;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.config.TrackerSettings;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerException;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerHealth;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerNotice;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the tracker sync remembers between runs ({@link TrackerSyncState}), in {@value #FILE_NAME}
 * beside the store's journal. Read once, at first use, and kept in memory, so a gate decision asks
 * how fresh the tracker data is without touching the disk; replaced atomically after every sync.
 */
@Extension
public class TrackerSyncFile {
    public static final String FILE_NAME = "tracker-sync.json";
    private static final Logger LOGGER = Logger.getLogger(TrackerSyncFile.class.getName());

    private volatile TrackerSyncState state;

    public static TrackerSyncFile get() {
        return ExtensionList.lookupSingleton(TrackerSyncFile.class);
    }

    /** The file, in the store's directory. */
    public Path file() {
        return RetroGateStore.get().directory().resolve(FILE_NAME);
    }

    /** The last saved state; empty before the first sync (or after an unreadable file was moved aside). */
    public TrackerSyncState state() {
        TrackerSyncState current = state;
        if (current == null) {
            synchronized (this) {
                if (state == null) {
                    state = read(file());
                }
                current = state;
            }
        }
        return current;
    }

    private static TrackerSyncState read(Path file) {
        if (!Files.exists(file)) {
            return TrackerSyncState.empty();
        }
        try {
            return TrackerSyncState.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | TrackerException e) {
            // Never silently overwritten: kept for inspection. Losing the state is safe (docs/trackers.md).
            Path aside = file.resolveSibling(FILE_NAME + ".unreadable-" + System.currentTimeMillis());
            LOGGER.log(Level.WARNING, file + " could not be read (" + e.getMessage() + "); it is moved to " + aside
                    + " and the next tracker sync starts afresh", e);
            try {
                Files.move(file, aside);
            } catch (IOException moveFailure) {
                LOGGER.log(Level.WARNING, "Could not move " + file + " aside", moveFailure);
            }
            return TrackerSyncState.empty();
        }
    }

    /** Writes {@code next} to a temporary file, forces it to disk, then moves it over the previous one atomically. */
    public synchronized void save(TrackerSyncState next) throws IOException {
        Path file = file().toAbsolutePath();
        Path directory = java.util.Objects.requireNonNull(file.getParent(), "the sync state file's directory");
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, FILE_NAME + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(next.toJson().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        state = next;
    }

    /** {@code previous} with a failed sync of {@code system} recorded (the sync could not even start). */
    static TrackerSyncState failed(TrackerSyncState previous, TicketSystem system, Instant at, String error) {
        Map<TicketSystem, TrackerHealth> health = new EnumMap<>(TicketSystem.class);
        health.putAll(previous.health());
        health.put(system, previous.health(system).failed(at, error));
        return new TrackerSyncState(previous.format(), previous.closeFrom(), previous.tickets(), previous.resolved(),
                previous.created(), previous.closing(), previous.readFrom(), health);
    }

    /**
     * The sentence a gate decision carries when an item behind it has its ticket in the configured
     * tracker and that tracker's data is stale or its last sync failed; empty without a tracker.
     */
    public Optional<String> notice(GateDecision decision) {
        TrackerSettings tracker = RetroGateConfiguration.get().getTracker();
        if (tracker == null) {
            return Optional.empty();
        }
        try {
            return TrackerNotice.forDecision(decision, state(), Set.of(tracker.system()), Instant.now(),
                    tracker.staleAfter());
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not tell how fresh the tracker data behind a decision is", e);
            return Optional.of("Tracker data behind this decision may be out of date: its age could not be read ("
                    + e.getMessage() + ")");
        }
    }

    /** One line about the configured tracker's data (age, last failure); empty without a tracker. */
    public List<String> status() {
        TrackerSettings tracker = RetroGateConfiguration.get().getTracker();
        return tracker == null ? List.of() : TrackerNotice.status(state(), Set.of(tracker.system()), Instant.now());
    }
}
