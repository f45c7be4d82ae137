package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Brings the store and the trackers together, on demand (the plugin schedules it; the CLI runs it as
 * {@code tracker sync}). One run, per tracker: file tickets for OPEN items that have none (if
 * configured), read the tracked tickets' states in batches, resolve each OPEN item whose ticket is
 * done (as {@link #ACTOR}, through {@link RetroGate#resolveFromTracker}), and comment on and close the
 * ticket of each item verified since the first run.
 *
 * <p>Idempotent: with nothing changed in between, a second run changes nothing. It never resolves an
 * item twice for the same ticket change (a person may reopen an item whose ticket stays done), and
 * comments and closes once per verified item. A tracker failure stops that tracker's part of the run,
 * keeps the progress made, and is recorded in the state's {@link TrackerHealth}; it never changes the
 * store, so the gate goes on deciding on the last known state, and says how old it is
 * ({@link TrackerNotice}). Runs are serialised: a second caller waits for the first.
 */
public final class TrackerSync {
    /** Who resolves items on a tracker's word, in the event log. */
    public static final Actor ACTOR = Actor.of("tracker");

    private final RetroGate gate;
    private final Map<TicketSystem, TrackerClient> clients;
    private final TrackerSyncOptions options;
    private final Clock clock;

    public TrackerSync(RetroGate gate, List<TrackerClient> clients, TrackerSyncOptions options, Clock clock) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<TicketSystem, TrackerClient> bySystem = new EnumMap<>(TicketSystem.class);
        for (TrackerClient client : clients) {
            if (bySystem.put(client.system(), client) != null) {
                throw new IllegalArgumentException("two clients for " + client.system());
            }
        }
        if (options.fileTicketsIn() != null && !bySystem.containsKey(options.fileTicketsIn())) {
            throw new IllegalArgumentException("tickets are to be filed in " + options.fileTicketsIn()
                    + " but no client for it is configured");
        }
        this.clients = Map.copyOf(bySystem);
    }

    /** Runs once from {@code previous} (use {@link TrackerSyncState#empty()} the first time). */
    public synchronized SyncReport run(TrackerSyncState previous) {
        return new SyncRun(gate, clients, options, clock, Objects.requireNonNull(previous, "previous")).run();
    }
}
