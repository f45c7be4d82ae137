package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * One ticket tracker (Jira, GitHub Issues) as Retro Gate uses it: file a ticket for an action item,
 * read many tickets' states in few calls, comment, close. Every method either does what it says or
 * throws a {@link TrackerException}; none of them returns a made-up default.
 */
public interface TrackerClient {

    /** The tickets this client serves. */
    TicketSystem system();

    /** Whether this client can read and change {@code ticket} (its system, and for GitHub a usable repository). */
    boolean serves(Ticket ticket);

    /** Files a ticket and returns its reference, with the key commits name and the URL people open. */
    Ticket create(NewTicket ticket);

    /**
     * The states of {@code tickets}, keyed by {@link Ticket#key()}, in as few calls as the tracker
     * allows. With {@code changedSince} {@code null} every ticket that exists and is visible is
     * returned (a missing key means: not found or not visible). With a time, the client may leave out
     * tickets that did not change since then (the caller keeps their last known state).
     */
    Map<String, TicketState> states(Collection<Ticket> tickets, Instant changedSince);

    /** Adds a comment (plain text, one paragraph per line). */
    void comment(Ticket ticket, String text);

    /** Moves the ticket to its done state; a ticket that is already closed is left as it is. */
    void close(Ticket ticket);

    /** Checks the settings and credentials with one harmless call; returns what a "Test connection" button shows. */
    String checkConnection();
}
