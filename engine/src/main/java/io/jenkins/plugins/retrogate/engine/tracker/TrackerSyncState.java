package io.jenkins.plugins.retrogate.engine.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.json.Json;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What {@link TrackerSync} remembers between runs. The caller persists it as it likes (Jenkins: a file
 * under {@code $JENKINS_HOME/retro-gate/}; the CLI: {@code tracker-sync.json} in the home) with
 * {@link #toJson()} and {@link #fromJson(String)}, and hands the last one to the next run. Losing it is
 * safe: the next run starts afresh, reads every ticket again and repeats no resolution (only OPEN items
 * are resolved); as a first run it leaves the tickets of items verified before it alone.
 *
 * @param format    the version of this JSON form ({@value #FORMAT})
 * @param closeFrom items verified before this are not commented on or closed (set at the first run)
 * @param tickets   the last known state of each tracked ticket, by {@code SYSTEM:key}
 * @param resolved  items this sync resolved, by item id, with the ticket change that did it
 * @param created   tickets this sync filed for items that had none, by item id
 * @param closing   progress of commenting on and closing the tickets of verified items, by item id
 * @param readFrom  per tracker, when the last complete read started (the next read asks for changes since)
 * @param health    per tracker, how the syncs went
 */
public record TrackerSyncState(int format, Instant closeFrom, Map<String, TicketState> tickets,
        Map<String, Resolved> resolved, Map<String, Ticket> created, Map<String, Closing> closing,
        Map<TicketSystem, Instant> readFrom, Map<TicketSystem, TrackerHealth> health) {

    /** The JSON form's version. */
    public static final int FORMAT = 1;
    private static final TrackerSyncState EMPTY = new TrackerSyncState(FORMAT, null, Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of());

    /** An item this sync resolved because its ticket, changed at {@code ticketUpdatedAt}, was done. */
    public record Resolved(String ticket, Instant ticketUpdatedAt, Instant at) {
    }

    /**
     * Closing the ticket of a verified item: commented at, closed at, or given up with a reason (the
     * ticket is gone, or has no way to close); finished once closed or given up.
     */
    public record Closing(String ticket, Instant verifiedAt, Instant commentedAt, Instant closedAt, String gaveUp) {
        public boolean finished() {
            return closedAt != null || gaveUp != null;
        }
    }

    public TrackerSyncState {
        if (format != FORMAT) {
            throw new IllegalArgumentException("tracker sync state format " + format + " is not supported; expected "
                    + FORMAT);
        }
        tickets = sorted(tickets);
        resolved = sorted(resolved);
        created = sorted(created);
        closing = sorted(closing);
        readFrom = readFrom == null || readFrom.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(readFrom));
        health = health == null || health.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(health));
    }

    /** The state before the first run. */
    public static TrackerSyncState empty() {
        return EMPTY;
    }

    /** Reads the JSON form; an unknown key, a wrong type or another format version is an error. */
    public static TrackerSyncState fromJson(String json) {
        TrackerSyncState state;
        try {
            state = Json.mapper().readValue(json, TrackerSyncState.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TrackerException(TrackerException.Kind.CONFIGURATION,
                    "the tracker sync state is not readable: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (state == null) {
            throw new TrackerException(TrackerException.Kind.CONFIGURATION,
                    "the tracker sync state is not readable: it is JSON null, not an object");
        }
        return state;
    }

    /** The JSON form: ISO-8601 times, keys sorted, absent values left out. */
    public String toJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the tracker sync state", e);
        }
    }

    /** How the syncs of one tracker went ({@link TrackerHealth#never()} if it never ran). */
    public TrackerHealth health(TicketSystem system) {
        return health.getOrDefault(system, TrackerHealth.never());
    }

    /** This state with a failed sync of {@code system} at {@code at} recorded in its health (the sync could not even start). */
    public TrackerSyncState withFailure(TicketSystem system, Instant at, String error) {
        Map<TicketSystem, TrackerHealth> next = new EnumMap<>(TicketSystem.class);
        next.putAll(health);
        next.put(system, health(system).failed(at, error));
        return new TrackerSyncState(format, closeFrom, tickets, resolved, created, closing, readFrom, next);
    }

    /**
     * The health of all trackers in one: the oldest last success (never, if one never succeeded) and
     * the latest failure.
     */
    public TrackerHealth overallHealth() {
        if (health.isEmpty()) {
            return TrackerHealth.never();
        }
        Instant attempt = health.values().stream().map(TrackerHealth::lastAttemptAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        boolean neverSucceeded = health.values().stream().anyMatch(h -> h.lastSuccessAt() == null);
        Instant success = neverSucceeded ? null : health.values().stream().map(TrackerHealth::lastSuccessAt)
                .min(Comparator.naturalOrder()).orElse(null);
        TrackerHealth latestFailure = health.values().stream().filter(TrackerHealth::failing)
                .max(Comparator.comparing(TrackerHealth::lastErrorAt)).orElse(null);
        int failures = health.values().stream().mapToInt(TrackerHealth::consecutiveFailures).max().orElse(0);
        return latestFailure == null ? new TrackerHealth(attempt, success, null, null, 0)
                : new TrackerHealth(attempt, success, latestFailure.lastError(), latestFailure.lastErrorAt(), failures);
    }

    /** The last known state of a ticket. */
    public TicketState ticket(Ticket ticket) {
        return tickets.get(key(ticket));
    }

    static String key(Ticket ticket) {
        return ticket.system().name() + ":" + ticket.key();
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null || map.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
