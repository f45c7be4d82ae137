package io.jenkins.plugins.retrogate.engine.state;

import io.jenkins.plugins.retrogate.engine.event.ContributorRecorded;
import io.jenkins.plugins.retrogate.engine.event.DeploymentFinished;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.IncidentStatusChanged;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.ItemDropped;
import io.jenkins.plugins.retrogate.engine.event.ItemReopened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.OverrideDenied;
import io.jenkins.plugins.retrogate.engine.event.IdsReserved;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequestExpired;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequested;
import io.jenkins.plugins.retrogate.engine.event.RollbackRecorded;
import io.jenkins.plugins.retrogate.engine.event.SimilarIncidentLinked;
import io.jenkins.plugins.retrogate.engine.event.TicketLinked;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.BuildDecision;
import io.jenkins.plugins.retrogate.engine.model.Contributor;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Mitigation;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pcollections.PMap;
import org.pcollections.PSet;

/**
 * How each event changes the state. Events were validated by the command that produced them, so
 * folding never refuses one; an event naming something unknown is a corrupt log and fails loudly.
 * <p>
 * Entities keep shared instances of what repeats: names through {@link Names#shared}, and the
 * incident and deployment ids an item refers to are the incident's and the deployment's own id
 * instances. Decoded events bring a fresh string for every value; without this, most of the
 * state's heap would be copies of a few thousand names.
 */
final class Transitions {
    private Transitions() {
    }

    static RetroState apply(RetroState s, Event event) {
        Next n = new Next(s);
        if (event instanceof IncidentOpened e) {
            Incident incident = Incident.builder().id(e.incidentId()).title(e.title()).severity(e.severity())
                    .affectedServices(shared(e.services())).detection(e.detection()).detectedAt(e.detectedAt())
                    .trigger(e.trigger()).rollbacks(e.rollback() == null ? List.of() : List.of(e.rollback()))
                    .status(IncidentStatus.OPEN).signature(e.signature()).openedBy(Names.shared(e.actor()))
                    .updatedAt(e.at()).build();
            n.incidents = n.incidents.plus(incident.id(), incident);
            for (String service : incident.affectedServices()) {
                n.openIncidentByService = n.openIncidentByService.plus(service, incident.id());
                if (e.rollback() != null) {
                    n.rollbackIncidentByService = n.rollbackIncidentByService.plus(service, incident.id());
                }
            }
            n.counters = n.counters.withIncident(Counters.numberOf(incident.id()));
        } else if (event instanceof RollbackRecorded e) {
            Incident incident = incident(s, e.incidentId()).withRollback(e.rollback(), e.reason(), e.at());
            n.incidents = n.incidents.plus(incident.id(), incident);
            n.openIncidentByService = n.openIncidentByService.plus(e.rollback().service(), incident.id());
            n.rollbackIncidentByService = n.rollbackIncidentByService.plus(e.rollback().service(), incident.id());
        } else if (event instanceof IncidentStatusChanged e) {
            Incident incident = incident(s, e.incidentId()).withStatus(e.status(), e.at());
            n.incidents = n.incidents.plus(incident.id(), incident);
            if (!e.status().isOpen()) {
                for (String service : incident.affectedServices()) {
                    if (incident.id().equals(n.openIncidentByService.get(service))) {
                        n.openIncidentByService = n.openIncidentByService.minus(service);
                    }
                }
            }
        } else if (event instanceof IncidentDetailsChanged e) {
            Incident incident = incident(s, e.incidentId())
                    .withDetails(e.title(), e.severity(), e.responseStartedAt(), e.rootCause(), e.at());
            n.incidents = n.incidents.plus(incident.id(), incident);
        } else if (event instanceof MitigationRecorded e) {
            Incident incident = incident(s, e.incidentId())
                    .withMitigation(new Mitigation(e.kind(), e.description(), e.happened()), e.at());
            n.incidents = n.incidents.plus(incident.id(), incident);
        } else if (event instanceof SimilarIncidentLinked e) {
            Incident incident = incident(s, e.incidentId()).withSimilar(e.similarIncidentId(), e.at());
            n.incidents = n.incidents.plus(incident.id(), incident);
        } else if (event instanceof ContributorRecorded e) {
            Incident incident = incident(s, e.incidentId())
                    .withContributor(new Contributor(e.role(), Names.shared(e.name())), e.at());
            n.incidents = n.incidents.plus(incident.id(), incident);
        } else if (event instanceof ItemAdded e) {
            String incidentId = incident(s, e.incidentId()).id();
            ActionItem item = ActionItem.builder().id(e.itemId()).incidentId(incidentId).title(e.title())
                    .priority(e.priority()).type(e.type()).owner(Names.shared(e.owner())).ticket(e.ticket())
                    .services(Set.copyOf(shared(e.services()))).due(e.due()).status(ItemStatus.OPEN).createdAt(e.at())
                    .createdBy(Names.shared(e.actor())).build();
            n.putItem(item);
            n.itemsByIncident = n.itemsByIncident.plus(incidentId,
                    append(n.itemsByIncident.getOrDefault(incidentId, List.of()), item.id()));
        } else if (event instanceof ItemResolved e) {
            n.putItem(item(s, e.itemId()).resolved(e.at(), Names.shared(e.actor()), e.resolution(), e.fix(),
                    deploymentId(s, e.deploymentId())));
        } else if (event instanceof ItemVerified e) {
            n.putItem(item(s, e.itemId()).verified(e.at(), deploymentId(s, e.deploymentId())));
        } else if (event instanceof ItemReopened e) {
            n.putItem(item(s, e.itemId()).reopened(e.reason()));
        } else if (event instanceof TicketLinked e) {
            n.putItem(item(s, e.itemId()).withTicket(e.ticket()));
        } else if (event instanceof ItemDropped e) {
            n.putItem(item(s, e.itemId()).dropped(e.reason()));
        } else if (event instanceof DeploymentStarted e) {
            DeploymentRef ref = e.deploymentId().equals(e.ref().deploymentId())
                    ? e.ref().withDeploymentId(e.deploymentId()) : e.ref();
            Deployment deployment = new Deployment(e.deploymentId(), ref, e.production(),
                    Set.copyOf(e.changeTickets()), e.decision(), Names.shared(e.actor()), e.happened(),
                    null, null, e.gate(), e.overrideId(), e.bypass());
            n.deployments = n.deployments.plus(deployment.id(), deployment);
            n.counters = n.counters.withDeployment(Counters.numberOf(deployment.id()));
        } else if (event instanceof DeploymentFinished e) {
            Deployment deployment = s.deployments().get(e.deploymentId());
            if (deployment == null) {
                throw unknown("deployment", e.deploymentId());
            }
            n.deployments = n.deployments.plus(deployment.id(), deployment.finished(e.outcome(), e.happened()));
        } else if (event instanceof OverrideRequested e) {
            OverrideRequest request = new OverrideRequest(e.requestId(), Names.shared(e.service()),
                    Names.shared(e.environment()), e.buildUrl(), Names.shared(e.actor()), e.at(), e.blockingItems(),
                    RequestStatus.PENDING, null, null, null, null);
            n.requests = n.requests.plus(request.id(), request);
            n.pendingRequestByTarget = n.pendingRequestByTarget.plus(
                    RetroState.requestKey(e.service(), e.environment(), e.buildUrl()), request.id());
            n.counters = n.counters.withRequest(Counters.numberOf(request.id()));
        } else if (event instanceof OverrideApproved e) {
            OverrideApproval override = new OverrideApproval(e.overrideId(), e.scope(), Names.shared(e.service()),
                    Names.shared(e.environment()), e.buildUrl(), Names.shared(e.requestedBy()), Names.shared(e.actor()),
                    e.reason(), e.at(), e.expiresAt(), e.requestIds());
            n.overrides = n.overrides.plus(override.id(), override);
            String target = RetroState.target(e.service(), e.environment());
            n.overridesByTarget = n.overridesByTarget.plus(target,
                    n.overridesByTarget.getOrDefault(target, RetroState.NO_IDS).plus(override.id()));
            n.counters = n.counters.withOverride(Counters.numberOf(override.id()));
            for (String requestId : e.requestIds()) {
                n.closeRequest(request(s, requestId)
                        .decided(RequestStatus.APPROVED, override.approvedBy(), e.at(), e.reason(), override.id()));
            }
        } else if (event instanceof OverrideDenied e) {
            n.closeRequest(request(s, e.requestId())
                    .decided(RequestStatus.DENIED, Names.shared(e.actor()), e.at(), e.reason(), null));
        } else if (event instanceof OverrideRequestExpired e) {
            n.closeRequest(request(s, e.requestId())
                    .decided(RequestStatus.EXPIRED, Names.shared(e.actor()), e.at(), null, null));
        } else if (event instanceof GateDecided e) {
            if (e.buildUrl() == null) {
                throw new IllegalStateException("the event log holds a gate decision that names no build");
            }
            BuildDecision decision = new BuildDecision(Names.shared(e.service()), Names.shared(e.environment()),
                    e.buildUrl(), e.decision(), Names.shared(e.requestedBy()), e.at(), e.overrideId(),
                    e.requestId());
            n.decisionsByBuild = n.decisionsByBuild.plus(
                    RetroState.requestKey(e.service(), e.environment(), e.buildUrl()), decision);
        } else if (event instanceof IdsReserved e) {
            n.counters = n.counters.withIncident(e.incidents()).withDeployment(e.deployments())
                    .withOverride(e.overrides()).withRequest(e.requests()).withItems(e.items());
        } else {
            // a new event type without its transition would otherwise be recorded and silently change nothing
            throw new IllegalStateException("no transition for event type " + event.getClass().getName());
        }
        return n.build();
    }

    /** The deployment's own id instance when the state knows it (an item may name one from elsewhere). */
    private static String deploymentId(RetroState s, String id) {
        if (id == null) {
            return null;
        }
        Deployment deployment = s.deployments().get(id);
        return deployment == null ? id : deployment.id();
    }

    private static List<String> shared(List<String> names) {
        List<String> result = new ArrayList<>(names.size());
        for (String name : names) {
            result.add(Names.shared(name));
        }
        return result;
    }

    private static List<String> append(List<String> list, String element) {
        List<String> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(element);
        return List.copyOf(copy);
    }

    private static Incident incident(RetroState s, String id) {
        Incident incident = s.incidents().get(id);
        if (incident == null) {
            throw unknown("incident", id);
        }
        return incident;
    }

    private static ActionItem item(RetroState s, String id) {
        ActionItem item = s.items().get(id);
        if (item == null) {
            throw unknown("action item", id);
        }
        return item;
    }

    private static OverrideRequest request(RetroState s, String id) {
        OverrideRequest request = s.requests().get(id);
        if (request == null) {
            throw unknown("override request", id);
        }
        return request;
    }

    private static IllegalStateException unknown(String what, String id) {
        return new IllegalStateException("the event log names " + what + " " + id + ", which no earlier event created");
    }

    /** The fields of the next state, changed one by one. */
    private static final class Next {
        private final RetroState s;
        PMap<String, Incident> incidents;
        PMap<String, ActionItem> items;
        PMap<String, PSet<String>> activeItemsByService;
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

        Next(RetroState s) {
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
        }

        /** Stores the item and keeps the active-by-service index in step with its status. */
        void putItem(ActionItem item) {
            items = items.plus(item.id(), item);
            for (String service : new ArrayList<>(item.services())) {
                PSet<String> ids = activeItemsByService.getOrDefault(service, RetroState.NO_IDS);
                PSet<String> next = item.status().isActive() ? ids.plus(item.id()) : ids.minus(item.id());
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
                    requests, pendingRequestByTarget, counters, decisionsByBuild);
        }
    }
}
