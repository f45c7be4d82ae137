package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One run of {@link TrackerSync}: mutable working copies of the state, turned into a report at the end. */
final class SyncRun {
    private static final Duration CLOSE_MARGIN = Duration.ofDays(1);

    private final RetroGate gate;
    private final Map<TicketSystem, TrackerClient> clients;
    private final TrackerSyncOptions options;
    private final Clock clock;
    private final Instant startedAt;
    private final Instant closeFrom;
    private final Map<String, TicketState> tickets;
    private final Map<String, TrackerSyncState.Resolved> resolved;
    private final Map<String, Ticket> created;
    private final Map<String, TrackerSyncState.Closing> closing;
    private final Map<TicketSystem, Instant> readFrom;
    private final Map<TicketSystem, TrackerHealth> health;
    private final List<String> createdItems = new ArrayList<>();
    private final List<String> resolvedItems = new ArrayList<>();
    private final List<String> commentedItems = new ArrayList<>();
    private final List<String> closedItems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<TicketSystem, String> errors = new EnumMap<>(TicketSystem.class);

    SyncRun(RetroGate gate, Map<TicketSystem, TrackerClient> clients, TrackerSyncOptions options, Clock clock,
            TrackerSyncState previous) {
        this.gate = gate;
        this.clients = clients;
        this.options = options;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.closeFrom = previous.closeFrom() != null ? previous.closeFrom()
                : options.closeHistoricItems() ? Instant.EPOCH : startedAt;
        this.tickets = new HashMap<>(previous.tickets());
        this.resolved = new HashMap<>(previous.resolved());
        this.created = new HashMap<>(previous.created());
        this.closing = new HashMap<>(previous.closing());
        this.readFrom = new EnumMap<>(TicketSystem.class);
        this.readFrom.putAll(previous.readFrom());
        this.health = new EnumMap<>(TicketSystem.class);
        this.health.putAll(previous.health());
    }

    SyncReport run() {
        for (TrackerClient client : clients.values()) {
            Instant started = clock.instant();
            TrackerHealth before = health.getOrDefault(client.system(), TrackerHealth.never());
            try {
                sync(client, started);
                health.put(client.system(), before.succeeded(started));
            } catch (TrackerException e) {
                health.put(client.system(), before.failed(started, e.getMessage()));
                errors.put(client.system(), e.getMessage());
            } catch (RetroGateException e) {
                // the store could not be read or written (locked, unreachable): this tracker's part stops,
                // and what it did so far (tickets filed) is still returned, so the state keeps it
                String message = "the store could not be used: " + e.getMessage();
                health.put(client.system(), before.failed(started, message));
                errors.put(client.system(), message);
            }
        }
        Instant nextCloseFrom = nextCloseFromOrUnchanged();
        closing.values().removeIf(c -> c.verifiedAt().isBefore(nextCloseFrom));
        TrackerSyncState state = new TrackerSyncState(TrackerSyncState.FORMAT, nextCloseFrom, tickets, resolved,
                created, closing, readFrom, health);
        return new SyncReport(startedAt, clock.instant(), createdItems, resolvedItems, commentedItems, closedItems,
                notes, errors, state);
    }

    /** When closing starts next time; unchanged when the store cannot be read now (the next run looks again). */
    private Instant nextCloseFromOrUnchanged() {
        try {
            return nextCloseFrom(gate.state());
        } catch (RetroGateException e) {
            return closeFrom;
        }
    }

    private void sync(TrackerClient client, Instant started) {
        if (client.system() == options.fileTicketsIn()) {
            fileTickets(client);
        }
        RetroState state = gate.state();
        Map<String, List<ActionItem>> tracked = tracked(client, state);
        read(client, tracked);
        readFrom.put(client.system(), started);
        for (List<ActionItem> items : tracked.values()) {
            for (ActionItem item : items) {
                if (item.status() == ItemStatus.OPEN) {
                    resolveIfDone(item, ticketOf(item, client));
                }
            }
        }
        for (List<ActionItem> items : tracked.values()) {
            for (ActionItem item : items) {
                if (needsClosing(item)) {
                    close(client, item, ticketOf(item, client), state);
                }
            }
        }
        String prefix = client.system().name() + ":";
        tickets.keySet().removeIf(key -> key.startsWith(prefix) && !tracked.containsKey(key));
        resolved.keySet().removeIf(id -> state.item(id).map(i -> !i.status().isActive()).orElse(true));
        created.entrySet().removeIf(e -> e.getValue().system() == client.system()
                && state.item(e.getKey()).map(i -> !i.status().isActive() && !needsClosing(i)).orElse(true));
    }

    private void fileTickets(TrackerClient client) {
        RetroState state = gate.state();
        for (ActionItem item : state.items().values()) {
            if (item.status() != ItemStatus.OPEN || item.ticket() != null || created.containsKey(item.id())) {
                continue;
            }
            try {
                NewTicket ticket = NewTicket.forItem(item, state.incident(item.incidentId()).orElseThrow(),
                        options.incidentUrl(item.incidentId()));
                Ticket filed = client.create(ticket);
                created.put(item.id(), filed);
                createdItems.add(item.id());
                linkToItem(item, filed);
            } catch (TrackerException e) {
                if (e.kind().isTransient() || e.kind() == TrackerException.Kind.UNAUTHORIZED) {
                    throw e;
                }
                notes.add("no ticket could be filed for " + item.id() + ": " + e.getMessage());
            }
        }
    }

    /** Records the filed ticket on the item, so that the gate knows its key; the sync state keeps it anyway. */
    private void linkToItem(ActionItem item, Ticket filed) {
        try {
            gate.linkTicket(TrackerSync.ACTOR, item.id(), filed);
        } catch (RetroGateException e) {
            notes.add("ticket " + filed.key() + " was filed for " + item.id() + " but not linked: " + e.getMessage());
        }
    }

    /** The items this client's tickets belong to, by ticket state key: active ones and verified ones to close. */
    private Map<String, List<ActionItem>> tracked(TrackerClient client, RetroState state) {
        Map<String, List<ActionItem>> tracked = new LinkedHashMap<>();
        for (ActionItem item : state.items().values()) {
            Ticket ticket = ticketOf(item, client);
            if (ticket != null && (item.status().isActive() || needsClosing(item))) {
                tracked.computeIfAbsent(TrackerSyncState.key(ticket), k -> new ArrayList<>()).add(item);
            }
        }
        return tracked;
    }

    private void read(TrackerClient client, Map<String, List<ActionItem>> tracked) {
        List<Ticket> unseen = new ArrayList<>();
        List<Ticket> seen = new ArrayList<>();
        for (List<ActionItem> items : tracked.values()) {
            Ticket ticket = ticketOf(items.get(0), client);
            (tickets.containsKey(TrackerSyncState.key(ticket)) ? seen : unseen).add(ticket);
        }
        Map<String, TicketState> fresh = new HashMap<>();
        if (!unseen.isEmpty()) {
            fresh.putAll(client.states(unseen, null));
            for (Ticket ticket : unseen) {
                if (!fresh.containsKey(ticket.key())) {
                    notes.add("ticket " + ticket.key() + " of " + itemIds(tracked.get(TrackerSyncState.key(ticket)))
                            + " was not found in " + client.system() + " or is not visible with these credentials");
                }
            }
        }
        if (!seen.isEmpty()) {
            Instant last = readFrom.get(client.system());
            fresh.putAll(client.states(seen, last == null ? null : last.minus(options.changeOverlap())));
        }
        for (TicketState ticket : fresh.values()) {
            tickets.put(TrackerSyncState.key(ticket.ticket()), ticket);
        }
    }

    private void resolveIfDone(ActionItem item, Ticket ticket) {
        TicketState known = tickets.get(TrackerSyncState.key(ticket));
        if (known == null || !known.closed()) {
            return;
        }
        if (!known.done()) {
            notes.add(ticket.key() + " was closed as " + known.status()
                    + (known.resolution() == null ? "" : " / " + known.resolution()) + "; " + item.id()
                    + " stays OPEN: drop it in Retro Gate if it is no longer needed");
            return;
        }
        TrackerSyncState.Resolved mark = resolved.get(item.id());
        if (mark != null && mark.ticket().equals(ticket.key()) && !known.updatedAt().isAfter(mark.ticketUpdatedAt())) {
            // Resolved before for this very ticket change, and reopened by a person since: their call stands.
            return;
        }
        try {
            gate.resolveFromTracker(TrackerSync.ACTOR, item.id(), known.fixReference());
            resolved.put(item.id(), new TrackerSyncState.Resolved(ticket.key(), known.updatedAt(), clock.instant()));
            resolvedItems.add(item.id());
        } catch (RetroGateException e) {
            notes.add(item.id() + " was not resolved from " + ticket.key() + ": " + e.getMessage());
        }
    }

    private boolean needsClosing(ActionItem item) {
        Instant verifiedAt = item.verifiedAt();
        if (item.status() != ItemStatus.VERIFIED || verifiedAt == null || verifiedAt.isBefore(closeFrom)) {
            return false;
        }
        TrackerSyncState.Closing progress = closing.get(item.id());
        return progress == null || !progress.finished();
    }

    private void close(TrackerClient client, ActionItem item, Ticket ticket, RetroState state) {
        TrackerSyncState.Closing progress = closing.getOrDefault(item.id(),
                new TrackerSyncState.Closing(ticket.key(), item.verifiedAt(), null, null, null));
        try {
            if (progress.commentedAt() == null) {
                String verifier = item.verifiedBy();
                client.comment(ticket, VerificationComment.of(item,
                        verifier == null ? null : state.deployment(verifier).orElse(null)));
                progress = new TrackerSyncState.Closing(ticket.key(), item.verifiedAt(), clock.instant(), null, null);
                closing.put(item.id(), progress);
                commentedItems.add(item.id());
            }
            TicketState known = tickets.get(TrackerSyncState.key(ticket));
            if (known == null || !known.closed()) {
                client.close(ticket);
            }
            closing.put(item.id(), new TrackerSyncState.Closing(ticket.key(), item.verifiedAt(),
                    progress.commentedAt(), clock.instant(), null));
            closedItems.add(item.id());
        } catch (TrackerException e) {
            if (e.kind().isTransient() || e.kind() == TrackerException.Kind.UNAUTHORIZED) {
                throw e;
            }
            closing.put(item.id(), new TrackerSyncState.Closing(ticket.key(), item.verifiedAt(),
                    progress.commentedAt(), null, e.getMessage()));
            notes.add("gave up closing " + ticket.key() + " of verified " + item.id() + ": " + e.getMessage());
        }
    }

    /** Items verified before this are all finished (give or take a day of clock skew): drop their progress. */
    private Instant nextCloseFrom(RetroState state) {
        Instant next = startedAt.minus(CLOSE_MARGIN);
        for (ActionItem item : state.items().values()) {
            Instant verifiedAt = item.verifiedAt();
            if (needsClosing(item) && servedTicket(item) != null && verifiedAt != null && verifiedAt.isBefore(next)) {
                next = verifiedAt;
            }
        }
        return next.isAfter(closeFrom) ? next : closeFrom;
    }

    private Ticket servedTicket(ActionItem item) {
        for (TrackerClient client : clients.values()) {
            Ticket ticket = ticketOf(item, client);
            if (ticket != null) {
                return ticket;
            }
        }
        return null;
    }

    private Ticket ticketOf(ActionItem item, TrackerClient client) {
        Ticket ticket = item.ticket() != null ? item.ticket() : created.get(item.id());
        return ticket != null && client.serves(ticket) ? ticket : null;
    }

    private static String itemIds(List<ActionItem> items) {
        Set<String> ids = new TreeSet<>();
        items.forEach(i -> ids.add(i.id()));
        return String.join(", ", ids);
    }
}
