package io.jenkins.plugins.retrogate.engine.event;

import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.time.Instant;

/** A ticket was attached to an item that had none (filed by the tracker sync, or linked by hand). */
public record TicketLinked(Instant at, String actor, String itemId, Ticket ticket) implements Event {
}
