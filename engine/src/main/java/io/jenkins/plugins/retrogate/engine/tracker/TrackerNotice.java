package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sentence a gate decision carries when it rests on tracker data that may be out of date: the
 * decision itself is never changed by a tracker outage (the store keeps the last known state), but
 * it must not look fresher than it is. The plugin appends it to the step's log and the build panel,
 * the CLI to its output and JSON, the report to its tracker section.
 */
public final class TrackerNotice {
    private TrackerNotice() {
    }

    /**
     * A warning when an item of {@code decision} has its ticket in one of {@code configured} trackers
     * and that tracker's data is older than {@code staleAfter} or its last sync failed; empty otherwise.
     */
    public static Optional<String> forDecision(GateDecision decision, TrackerSyncState state,
            Set<TicketSystem> configured, Instant now, Duration staleAfter) {
        Map<TicketSystem, Set<String>> ticketsBySystem = new EnumMap<>(TicketSystem.class);
        for (ActionItem item : decision.items()) {
            Ticket ticket = item.ticket();
            if (ticket != null && configured.contains(ticket.system())) {
                ticketsBySystem.computeIfAbsent(ticket.system(), s -> new TreeSet<>())
                        .add(item.id() + " (" + ticket.key() + ")");
            }
        }
        List<String> parts = new ArrayList<>();
        ticketsBySystem.forEach((system, items) -> {
            TrackerHealth health = state.health(system);
            if (health.failing() || health.isStale(now, staleAfter)) {
                parts.add(TrackerSetups.name(system) + " " + health.describe(now) + "; items " + String.join(", ", items)
                        + " are as last known");
            }
        });
        return parts.isEmpty() ? Optional.empty()
                : Optional.of("Tracker data behind this decision may be out of date: " + String.join(". ", parts) + ".");
    }

    /** A line for a report or status page about every configured tracker, whether or not a decision needs it. */
    public static List<String> status(TrackerSyncState state, Set<TicketSystem> configured, Instant now) {
        List<String> lines = new ArrayList<>();
        for (TicketSystem system : new TreeSet<>(configured)) {
            lines.add(TrackerSetups.name(system) + ": " + state.health(system).describe(now));
        }
        return lines;
    }
}
