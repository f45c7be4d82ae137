package io.jenkins.plugins.retrogate.engine.state;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.BuildDecision;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * Everything the events say, folded into immutable persistent maps with the indexes the gate and
 * the pages need. A state read from a snapshot may still be decoding its history (deployments and
 * closed items) in the background: what a gate reads answers at once, a read of the history waits. A new event yields a new state sharing almost all of the old one, so readers hold
 * a consistent snapshot without locks and an update costs O(log n), whatever the store's size.
 * <p>
 * The maps are sorted trees ({@link TreePMap}, {@link TreePSet}: one node per entry, about 40
 * bytes, where a hash trie costs about 100) keyed and iterated in id order. Names that repeat
 * across entities (services, environments, jobs, people, the incident an item belongs to) are
 * shared instances; see {@code Transitions}.
 *
 * @param sequence                 the sequence number of the last event folded in (0 for none)
 * @param activeItemsByService     the OPEN or RESOLVED items per guarded service ({@code *} for every service), by
 *                                 id: the items themselves, so that a gate decision reads them without looking
 *                                 each up in {@code items} (most of a decision's time on a 100,000-item store)
 * @param itemsByIncident          item ids of each incident, in the order they were added (immutable lists)
 * @param openIncidentByService    the open incident that collects a service's rollbacks
 * @param rollbackIncidentByService the incident of each service's latest rollback (post-rollback freeze)
 * @param overridesByTarget        override ids per {@code service|environment}
 * @param pendingRequestByTarget   the pending override request per {@code service|environment|buildUrl}
 * @param decisionsByBuild         the gate's last recorded decision per {@code service|environment|buildUrl}
 * @param partialApprovals         approvals of an override that needs more approvers, in the order given, per
 *                                 {@code service|environment|buildUrl} (no build: a window)
 */
public record RetroState(long sequence, PMap<String, Incident> incidents, PMap<String, ActionItem> items,
        PMap<String, PMap<String, ActionItem>> activeItemsByService, PMap<String, List<String>> itemsByIncident,
        PMap<String, String> openIncidentByService, PMap<String, String> rollbackIncidentByService,
        PMap<String, Deployment> deployments, PMap<String, OverrideApproval> overrides,
        PMap<String, PSet<String>> overridesByTarget, PMap<String, OverrideRequest> requests,
        PMap<String, String> pendingRequestByTarget, Counters counters, PMap<String, BuildDecision> decisionsByBuild,
        PMap<String, List<PartialApproval>> partialApprovals) {

    private static final RetroState EMPTY = new RetroState(0, TreePMap.empty(), TreePMap.empty(),
            TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(),
            TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), TreePMap.empty(), Counters.NONE, TreePMap.empty(), TreePMap.empty());

    /** The state of an empty store. */
    public static RetroState empty() {
        return EMPTY;
    }

    /** The state after {@code event}, recorded under sequence number {@code seq}. */
    public RetroState apply(long seq, Event event) {
        return Transitions.apply(this, event).withSequence(seq);
    }

    /** The state after each of {@code events}, numbered on from this state's sequence. */
    public RetroState applyAll(List<? extends Event> events) {
        RetroState state = this;
        for (Event event : events) {
            state = state.apply(state.sequence + 1, event);
        }
        return state;
    }

    RetroState withSequence(long seq) {
        return new RetroState(seq, incidents, items, activeItemsByService, itemsByIncident, openIncidentByService,
                rollbackIncidentByService, deployments, overrides, overridesByTarget, requests,
                pendingRequestByTarget, counters, decisionsByBuild, partialApprovals);
    }

    public Optional<Incident> incident(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    public Optional<ActionItem> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public Optional<Deployment> deployment(String id) {
        return Optional.ofNullable(deployments.get(id));
    }

    public Optional<OverrideRequest> request(String id) {
        return Optional.ofNullable(requests.get(id));
    }

    /** The OPEN and RESOLVED items guarding {@code service}, those for every service included, by id. */
    public List<ActionItem> activeItemsGuarding(String service) {
        PMap<String, ActionItem> guarding = activeItemsByService.getOrDefault(service, NO_ITEMS);
        PMap<String, ActionItem> everyService = activeItemsByService.getOrDefault(Names.EVERY_SERVICE, NO_ITEMS);
        List<ActionItem> result = new ArrayList<>(guarding.size() + everyService.size());
        result.addAll(guarding.values());
        for (ActionItem item : everyService.values()) {
            if (!guarding.containsKey(item.id())) { // an item may name the service and '*'
                result.add(item);
            }
        }
        result.sort(ITEM_ORDER);
        return result;
    }

    /** Whether an incident has any action item (from the index alone: no item is read). */
    public boolean hasItems(String incidentId) {
        return !itemsByIncident.getOrDefault(incidentId, EMPTY_IDS).isEmpty();
    }

    /** The items of an incident, in the order they were added. */
    public List<ActionItem> itemsOf(String incidentId) {
        List<ActionItem> result = new ArrayList<>();
        for (String id : itemsByIncident.getOrDefault(incidentId, EMPTY_IDS)) {
            result.add(items.get(id));
        }
        return result;
    }

    /**
     * The highest action-item number of an incident so far: of its items, or reserved by a repair
     * (an item a repair lost leaves a gap that is never filled).
     */
    public int highestItemNumber(String incidentId) {
        int highest = counters.reservedItems(incidentId);
        for (String id : itemsByIncident.getOrDefault(incidentId, EMPTY_IDS)) {
            highest = Math.max(highest, Ids.itemNumber(id));
        }
        return highest;
    }

    /** The open incident of {@code service}, if any. */
    public Optional<Incident> openIncidentOf(String service) {
        return Optional.ofNullable(openIncidentByService.get(service)).map(incidents::get);
    }

    /** The incident opened or extended by the latest rollback of {@code service}. */
    public Optional<Incident> latestRollbackIncidentOf(String service) {
        return Optional.ofNullable(rollbackIncidentByService.get(service)).map(incidents::get);
    }

    /** Overrides that let a deployment of build {@code buildUrl} through at {@code at}. */
    public List<OverrideApproval> overridesCovering(String service, String environment,
            @CheckForNull String buildUrl, Instant at) {
        List<OverrideApproval> result = new ArrayList<>();
        for (String id : overridesByTarget.getOrDefault(target(service, environment), NO_IDS)) {
            OverrideApproval override = overrides.get(id);
            if (override.covers(service, environment, buildUrl, at)) {
                result.add(override);
            }
        }
        result.sort(Comparator.comparing(OverrideApproval::approvedAt).thenComparing(OverrideApproval::id));
        return result;
    }

    /** The pending override request of a blocked build (or of a service and environment when no build). */
    public Optional<OverrideRequest> pendingRequest(String service, String environment,
            @CheckForNull String buildUrl) {
        return Optional.ofNullable(pendingRequestByTarget.get(requestKey(service, environment, buildUrl)))
                .map(requests::get);
    }

    /**
     * The approvals given so far, in order, to an override of a build ({@code buildUrl}) or, with
     * {@code null}, of a window for {@code service} in {@code environment}, that needs more approvers;
     * stale ones included (the command that counts them knows the policy's window).
     */
    public List<PartialApproval> partialApprovals(String service, String environment, @CheckForNull String buildUrl) {
        return partialApprovals.getOrDefault(requestKey(service, environment, buildUrl), List.of());
    }

    /** The gate's last recorded decision for a build of {@code service} to {@code environment}. */
    public Optional<BuildDecision> decisionFor(String service, String environment,
            @CheckForNull String buildUrl) {
        return buildUrl == null ? Optional.empty()
                : Optional.ofNullable(decisionsByBuild.get(requestKey(service, environment, buildUrl)));
    }

    static String target(String service, String environment) {
        return service + '|' + environment;
    }

    /** The key of a build's override requests and decisions: {@code service|environment|buildUrl}. */
    public static String requestKey(String service, String environment, @CheckForNull String buildUrl) {
        return target(service, environment) + '|' + (buildUrl == null ? "" : buildUrl);
    }

    private static final List<String> EMPTY_IDS = List.of();
    static final PSet<String> NO_IDS = TreePSet.empty();
    static final PMap<String, ActionItem> NO_ITEMS = TreePMap.empty();

    /** Items sorted by priority, then by incident and item number. */
    public static final Comparator<ActionItem> ITEM_ORDER = ItemOrder.INSTANCE;

    /** Priority, then creation, then id; a class rather than comparing(…).thenComparing(…), whose lambdas cost a CLI run start-up. */
    private enum ItemOrder implements Comparator<ActionItem> {
        INSTANCE;

        @Override
        public int compare(ActionItem a, ActionItem b) {
            int byPriority = a.priority().compareTo(b.priority());
            if (byPriority != 0) {
                return byPriority;
            }
            int byCreation = a.createdAt().compareTo(b.createdAt());
            return byCreation != 0 ? byCreation : a.id().compareTo(b.id());
        }
    }
}
