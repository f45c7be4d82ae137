package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@link TrackerSync#run} did, and the state to hand to the next run.
 *
 * @param created   item ids that got a ticket filed
 * @param resolved  item ids resolved because their ticket is done
 * @param commented item ids whose ticket got the verification comment
 * @param closed    item ids whose ticket was closed (or found closed) after verification
 * @param notes     things a person should know that are not errors (a ticket closed as Won't Do, not found…)
 * @param errors    per tracker, the failure that ended its part of the run
 * @param state     what to persist and pass to the next run (also when the run failed: it keeps the progress)
 */
public record SyncReport(Instant startedAt, Instant finishedAt, List<String> created, List<String> resolved,
        List<String> commented, List<String> closed, List<String> notes, Map<TicketSystem, String> errors,
        TrackerSyncState state) {

    public SyncReport {
        created = List.copyOf(created);
        resolved = List.copyOf(resolved);
        commented = List.copyOf(commented);
        closed = List.copyOf(closed);
        notes = List.copyOf(notes);
        errors = errors.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(errors));
    }

    /** Whether every tracker synced without error. */
    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** Whether the run changed nothing in the store or the trackers. */
    public boolean changedNothing() {
        return created.isEmpty() && resolved.isEmpty() && commented.isEmpty() && closed.isEmpty();
    }

    /** A few lines for a log or the CLI. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add("tracker sync: " + created.size() + " filed, " + resolved.size() + " resolved, " + commented.size()
                + " commented, " + closed.size() + " closed" + (succeeded() ? "" : ", " + errors.size() + " failed"));
        errors.forEach((system, error) -> lines.add("  " + system + " failed: " + error));
        notes.forEach(note -> lines.add("  note: " + note));
        return lines;
    }
}
