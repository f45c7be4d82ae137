package io.jenkins.plugins.retrogate.engine.state;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the lists show — the Jenkins pages and the CLI's {@code list} commands — filtered and ordered
 * here, once, so both front-ends list the same things in the same orders. An item list for one
 * incident reads the state's per-incident index instead of every item.
 */
public final class Listings {
    /** Items in the order they were written down: by incident number, then item number. */
    public static final Comparator<ActionItem> AS_WRITTEN = Comparator
            .comparingLong((ActionItem i) -> Ids.incidentNumber(i.incidentId()))
            .thenComparingInt(i -> Ids.itemNumber(i.id()));
    /** Items most urgent first: priority, then the oldest ({@link RetroState#ITEM_ORDER}). */
    public static final Comparator<ActionItem> MOST_URGENT = RetroState.ITEM_ORDER;
    /** Incidents by number, oldest first. */
    public static final Comparator<Incident> OLDEST_FIRST = Comparator.comparingLong(i -> Ids.incidentNumber(i.id()));
    /** Incidents by detection, newest first. */
    public static final Comparator<Incident> NEWEST_FIRST = Comparator.comparing(Incident::detectedAt).reversed()
            .thenComparing(Incident::id);

    private Listings() {
    }

    /**
     * Action items, each filter optional ({@code null}: any): their status, a service they guard, their
     * incident.
     */
    public static List<ActionItem> items(RetroState state, @CheckForNull ItemStatus status,
            @CheckForNull String service, @CheckForNull String incidentId, Comparator<ActionItem> order) {
        Collection<ActionItem> source = incidentId == null ? state.items().values() : state.itemsOf(incidentId);
        return source.stream()
                .filter(i -> status == null || i.status() == status)
                .filter(i -> service == null || i.guards(service))
                .sorted(order).toList();
    }

    /** Incidents, each filter optional ({@code null}: any): their status, a service they affect. */
    public static List<Incident> incidents(RetroState state, @CheckForNull IncidentStatus status,
            @CheckForNull String service, Comparator<Incident> order) {
        return state.incidents().values().stream()
                .filter(i -> status == null || i.status() == status)
                .filter(i -> service == null || i.affects(service))
                .sorted(order).toList();
    }

    /** Override requests, oldest first: the pending ones, or all. */
    public static List<OverrideRequest> requests(RetroState state, boolean pendingOnly) {
        return state.requests().values().stream()
                .filter(r -> !pendingOnly || r.status() == RequestStatus.PENDING)
                .sorted(Comparator.comparing(OverrideRequest::requestedAt).thenComparing(OverrideRequest::id))
                .toList();
    }

    /** Overrides, oldest first: those still in force at {@code inForceAt}, or all when it is {@code null}. */
    public static List<OverrideApproval> overrides(RetroState state, @CheckForNull Instant inForceAt) {
        return state.overrides().values().stream()
                .filter(o -> inForceAt == null || o.expiresAt().isAfter(inForceAt))
                .sorted(Comparator.comparing(OverrideApproval::approvedAt).thenComparing(OverrideApproval::id))
                .toList();
    }

    /** How many items each status holds, every status present (the board's tabs). */
    public static Map<ItemStatus, Long> itemCounts(RetroState state) {
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus status : ItemStatus.values()) {
            counts.put(status, 0L);
        }
        state.items().values().forEach(i -> counts.merge(i.status(), 1L, Long::sum));
        return counts;
    }
}
