package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.time.Instant;
import java.util.Objects;

/**
 * What a tracker says about one ticket, already mapped by the tracker's settings.
 *
 * @param status     the tracker's own words ({@code Done}, {@code In Progress}, {@code closed (not_planned)})
 * @param closed     whether the ticket is in a final state
 * @param done       whether it is closed <em>as fixed</em>: only then does the action item resolve
 *                   (a ticket closed as Won't Do or not planned is closed but not done)
 * @param resolution the resolution or close reason, when the tracker has one
 * @param updatedAt  when the ticket last changed, as the tracker says
 * @param url        where a person opens the ticket
 */
public record TicketState(Ticket ticket, String status, boolean closed, boolean done, String resolution,
        Instant updatedAt, String url) {

    public TicketState {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (done && !closed) {
            throw new IllegalArgumentException("a ticket that is done is closed");
        }
    }

    /** The reference a resolution records as its fix: the key, the status and the resolution. */
    public String fixReference() {
        return ticket.key() + " " + status + (resolution == null || status.contains(resolution) ? "" : " (" + resolution + ")");
    }
}
