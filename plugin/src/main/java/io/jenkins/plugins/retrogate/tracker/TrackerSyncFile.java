package io.jenkins.plugins.retrogate.tracker;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.retrogate.config.RetroGateConfiguration;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.config.TrackerSettings;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerNotice;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerStateFile;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the tracker sync remembers between runs ({@link TrackerSyncState}), in the engine's
 * {@link TrackerStateFile} beside the store's journal. Read once, at first use, and kept in memory, so
 * a gate decision asks how fresh the tracker data is without touching the disk; replaced atomically
 * after every sync. Jenkins syncs on a timer with nobody to answer, so an unreadable file is set
 * aside (kept) and the sync starts afresh, with a warning in the log.
 */
@Extension
public class TrackerSyncFile {
    public static final String FILE_NAME = TrackerStateFile.FILE_NAME;
    private static final Logger LOGGER = Logger.getLogger(TrackerSyncFile.class.getName());

    private volatile TrackerSyncState state;

    public static TrackerSyncFile get() {
        return ExtensionList.lookupSingleton(TrackerSyncFile.class);
    }

    private static TrackerStateFile stateFile() {
        return new TrackerStateFile(RetroGateStore.get().directory());
    }

    /** The file, in the store's directory. */
    public Path file() {
        return stateFile().file();
    }

    /** The last saved state; empty before the first sync (or after an unreadable file was moved aside). */
    public TrackerSyncState state() {
        TrackerSyncState current = state;
        if (current == null) {
            synchronized (this) {
                if (state == null) {
                    state = stateFile().readOrSetAside(Clock.systemUTC(),
                            (warning, e) -> LOGGER.log(Level.WARNING, warning, e));
                }
                current = state;
            }
        }
        return current;
    }

    /** Replaces the saved state with {@code next}, atomically, and keeps it in memory. */
    public synchronized void save(TrackerSyncState next) {
        stateFile().write(next);
        state = next;
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
