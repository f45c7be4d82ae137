package io.jenkins.plugins.retrogate.engine.state;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.BuildDecision;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import java.util.ArrayList;
import java.util.List;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * The fields of the next state, changed one by one by the transitions of one event, and what they
 * look up in the state before it. Looking up something no earlier event created means a corrupt log.
 */
final class NextState {
    final RetroState s;
    PMap<String, Incident> incidents;
    PMap<String, ActionItem> items;
    PMap<String, PMap<String, ActionItem>> activeItemsByService;
    PMap<String, List<String>> itemsByIncident;
    PMap<String, String> openIncidentByService;
    PMap<String, String> rollbackIncidentByService;
    PMap<String, Deployment> deployments;
    PMap<String, OverrideApproval> overrides;
    PMap<String, PSet<String>> overridesByTarget;
    PMap<String, OverrideRequest> requests;
    PMap<String, String> pendingRequestByTarget;
    Counters counters;
    PMap<String, BuildDecision> decisionsByBuild;
    PMap<String, List<PartialApproval>> partialApprovals;

    NextState(RetroState s) {
        this.s = s;
        incidents = s.incidents();
        items = s.items();
        activeItemsByService = s.activeItemsByService();
        itemsByIncident = s.itemsByIncident();
        openIncidentByService = s.openIncidentByService();
        rollbackIncidentByService = s.rollbackIncidentByService();
        deployments = s.deployments();
        overrides = s.overrides();
        overridesByTarget = s.overridesByTarget();
        requests = s.requests();
        pendingRequestByTarget = s.pendingRequestByTarget();
        counters = s.counters();
        decisionsByBuild = s.decisionsByBuild();
        partialApprovals = s.partialApprovals();
    }

    /** Stores the item and keeps the active-by-service index in step with its status. */
    void putItem(ActionItem item) {
        items = items.plus(item.id(), item);
        for (String service : new ArrayList<>(item.services())) {
            PMap<String, ActionItem> active = activeItemsByService.getOrDefault(service, RetroState.NO_ITEMS);
            PMap<String, ActionItem> next = item.status().isActive() ? active.plus(item.id(), item) : active.minus(item.id());
            activeItemsByService = next.isEmpty() ? activeItemsByService.minus(service)
                    : activeItemsByService.plus(service, next);
        }
    }

    void closeRequest(OverrideRequest request) {
        requests = requests.plus(request.id(), request);
        String key = RetroState.requestKey(request.service(), request.environment(), request.buildUrl());
        if (request.id().equals(pendingRequestByTarget.get(key))) {
            pendingRequestByTarget = pendingRequestByTarget.minus(key);
        }
    }

    RetroState build() {
        return new RetroState(s.sequence(), incidents, items, activeItemsByService, itemsByIncident,
                openIncidentByService, rollbackIncidentByService, deployments, overrides, overridesByTarget,
                requests, pendingRequestByTarget, counters, decisionsByBuild, partialApprovals);
    }

    /** The incident as the state before the event knows it. */
    Incident incident(String id) {
        Incident incident = s.incidents().get(id);
        if (incident == null) {
            throw unknown("incident", id);
        }
        return incident;
    }

    ActionItem item(String id) {
        ActionItem item = s.items().get(id);
        if (item == null) {
            throw unknown("action item", id);
        }
        return item;
    }

    OverrideRequest request(String id) {
        OverrideRequest request = s.requests().get(id);
        if (request == null) {
            throw unknown("override request", id);
        }
        return request;
    }

    /** The deployment's own id instance when the state knows it (an item may name one from elsewhere). */
    String deploymentId(String id) {
        Deployment deployment = s.deployments().get(id);
        return deployment == null ? id : deployment.id();
    }

    static IllegalStateException unknown(String what, String id) {
        return new IllegalStateException("the event log names " + what + " " + id + ", which no earlier event created");
    }

    static List<String> shared(List<String> names) {
        List<String> result = new ArrayList<>(names.size());
        for (String name : names) {
            result.add(Names.shared(name));
        }
        return result;
    }

    static <T> List<T> append(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return List.copyOf(copy);
    }
}
