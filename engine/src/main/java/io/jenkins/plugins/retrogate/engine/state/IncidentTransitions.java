package io.jenkins.plugins.retrogate.engine.state;

import static io.jenkins.plugins.retrogate.engine.state.NextState.shared;

import io.jenkins.plugins.retrogate.engine.event.ContributorRecorded;
import io.jenkins.plugins.retrogate.engine.event.RetroAnswersRecorded;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.IncidentStatusChanged;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.event.RollbackRecorded;
import io.jenkins.plugins.retrogate.engine.event.SimilarIncidentLinked;
import io.jenkins.plugins.retrogate.engine.model.Contributor;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.Mitigation;
import io.jenkins.plugins.retrogate.engine.model.Names;
import java.util.List;

/** How the events of an incident change the state: its opening, rollbacks, status and retrospective details. */
final class IncidentTransitions {
    private IncidentTransitions() {
    }

    /** Applies {@code event} when it is an incident's; {@code false} when it is not. */
    static boolean apply(NextState n, Event event) {
        if (event instanceof IncidentOpened e) {
            opened(n, e);
        } else if (event instanceof RollbackRecorded e) {
            Incident incident = n.incident(e.incidentId()).withRollback(e.rollback(), e.reason(), e.at());
            n.incidents = n.incidents.plus(incident.id(), incident);
            n.openIncidentByService = n.openIncidentByService.plus(e.rollback().service(), incident.id());
            n.rollbackIncidentByService = n.rollbackIncidentByService.plus(e.rollback().service(), incident.id());
        } else if (event instanceof IncidentStatusChanged e) {
            statusChanged(n, e);
        } else if (event instanceof IncidentDetailsChanged e) {
            put(n, n.incident(e.incidentId())
                    .withDetails(e.title(), e.severity(), e.responseStartedAt(), e.rootCause(), e.at()));
        } else if (event instanceof MitigationRecorded e) {
            put(n, n.incident(e.incidentId())
                    .withMitigation(new Mitigation(e.kind(), e.description(), e.happened()), e.at()));
        } else if (event instanceof SimilarIncidentLinked e) {
            put(n, n.incident(e.incidentId()).withSimilar(e.similarIncidentId(), e.at()));
        } else if (event instanceof RetroAnswersRecorded e) {
            Incident incident = n.incident(e.incidentId());
            put(n, incident.withRetroAnswers(incident.notSeenBefore() || e.notSeenBefore(), e.noActionReason(), e.at()));
        } else if (event instanceof ContributorRecorded e) {
            put(n, n.incident(e.incidentId())
                    .withContributor(new Contributor(e.role(), Names.shared(e.name())), e.at()));
        } else {
            return false;
        }
        return true;
    }

    private static void opened(NextState n, IncidentOpened e) {
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
    }

    private static void statusChanged(NextState n, IncidentStatusChanged e) {
        Incident incident = n.incident(e.incidentId()).withStatus(e.status(), e.at());
        n.incidents = n.incidents.plus(incident.id(), incident);
        if (!e.status().isOpen()) {
            for (String service : incident.affectedServices()) {
                if (incident.id().equals(n.openIncidentByService.get(service))) {
                    n.openIncidentByService = n.openIncidentByService.minus(service);
                }
            }
        }
    }

    private static void put(NextState n, Incident incident) {
        n.incidents = n.incidents.plus(incident.id(), incident);
    }
}
