package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory Jira for sync tests that need failures at exact points; counts what it was asked to do. */
final class FakeTracker implements TrackerClient {
    final Map<String, TicketState> tickets = new HashMap<>();
    final List<String> comments = new ArrayList<>();
    final List<String> closes = new ArrayList<>();
    final List<String> created = new ArrayList<>();
    /** Failures to throw, in turn, by operation name (create, states, comment, close). */
    final Map<String, Deque<TrackerException>> failures = new HashMap<>();
    private int next = 100;

    void put(String key, String status, boolean done, Instant updated) {
        tickets.put(key, new TicketState(new Ticket(TicketSystem.JIRA, key, null), status, done, done, null, updated,
                null));
    }

    void failNext(String operation, TrackerException.Kind kind) {
        failures.computeIfAbsent(operation, o -> new ArrayDeque<>())
                .add(new TrackerException(kind, "fake " + operation + " failed (" + kind + ")"));
    }

    private void maybeFail(String operation) {
        Deque<TrackerException> queue = failures.get(operation);
        if (queue != null && !queue.isEmpty()) {
            throw queue.poll();
        }
    }

    @Override
    public TicketSystem system() {
        return TicketSystem.JIRA;
    }

    @Override
    public boolean serves(Ticket ticket) {
        return ticket.system() == TicketSystem.JIRA;
    }

    @Override
    public Ticket create(NewTicket ticket) {
        maybeFail("create");
        String key = "PAY-" + next++;
        created.add(ticket.itemId());
        put(key, "To Do", false, Instant.parse("2026-11-01T00:00:00Z"));
        return new Ticket(TicketSystem.JIRA, key, "https://jira/browse/" + key);
    }

    @Override
    public Map<String, TicketState> states(Collection<Ticket> wanted, Instant changedSince) {
        maybeFail("states");
        Map<String, TicketState> result = new HashMap<>();
        for (Ticket ticket : wanted) {
            TicketState state = tickets.get(ticket.key());
            if (state != null) {
                result.put(ticket.key(), state);
            }
        }
        return result;
    }

    @Override
    public void comment(Ticket ticket, String text) {
        maybeFail("comment");
        comments.add(ticket.key());
    }

    @Override
    public void close(Ticket ticket) {
        maybeFail("close");
        closes.add(ticket.key());
        TicketState old = tickets.get(ticket.key());
        put(ticket.key(), "Done", true, old == null ? Instant.EPOCH : old.updatedAt().plusSeconds(1));
    }

    @Override
    public String checkConnection() {
        return "fake";
    }
}
