package io.jenkins.plugins.retrogate.engine.state;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import static io.jenkins.plugins.retrogate.engine.state.NextState.append;
import static io.jenkins.plugins.retrogate.engine.state.NextState.shared;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.ItemDropped;
import io.jenkins.plugins.retrogate.engine.event.ItemReopened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.event.TicketLinked;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Names;
import java.util.List;
import java.util.Set;

/** How the events of an action item change the state: its creation, resolution, verification, reopening, ticket and drop. */
final class ItemTransitions {
    private ItemTransitions() {
    }

    /** Applies {@code event} when it is an action item's; {@code false} when it is not. */
    static boolean apply(NextState n, Event event) {
        if (event instanceof ItemAdded e) {
            added(n, e);
        } else if (event instanceof ItemResolved e) {
            String deploymentId = e.deploymentId();
            n.putItem(n.item(e.itemId()).resolved(e.at(), Names.shared(e.actor()), e.resolution(), e.fix(),
                    deploymentId == null ? null : n.deploymentId(deploymentId)));
        } else if (event instanceof ItemVerified e) {
            n.putItem(n.item(e.itemId()).verified(e.at(), n.deploymentId(e.deploymentId())));
        } else if (event instanceof ItemReopened e) {
            n.putItem(n.item(e.itemId()).reopened(e.reason()));
        } else if (event instanceof TicketLinked e) {
            n.putItem(n.item(e.itemId()).withTicket(e.ticket()));
        } else if (event instanceof ItemDropped e) {
            n.putItem(n.item(e.itemId()).dropped(e.reason()));
        } else {
            return false;
        }
        return true;
    }

    private static void added(NextState n, ItemAdded e) {
        String incidentId = n.incident(e.incidentId()).id();
        ActionItem item = ActionItem.builder().id(e.itemId()).incidentId(incidentId).title(e.title())
                .priority(e.priority()).type(e.type()).owner(Names.shared(e.owner())).ticket(e.ticket())
                .services(Set.copyOf(shared(e.services()))).due(e.due()).status(ItemStatus.OPEN).createdAt(e.at())
                .createdBy(Names.shared(e.actor())).build();
        n.putItem(item);
        n.itemsByIncident = n.itemsByIncident.plus(incidentId,
                append(n.itemsByIncident.getOrDefault(incidentId, List.of()), item.id()));
    }
}
