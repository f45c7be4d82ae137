package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The retrospective added an action item to an incident. */
public record ItemAdded(Instant at, String actor, String itemId, String incidentId, String title,
        Priority priority, ItemType type, @CheckForNull String owner, @CheckForNull Ticket ticket, List<String> services,
        @CheckForNull LocalDate due)
        implements Event {
    public ItemAdded {
        services = List.copyOf(services);
    }
}
