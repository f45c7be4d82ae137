package io.jenkins.plugins.retrogate.engine.command;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.broken;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.line;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.name;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.nextId;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.optionalText;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.present;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.rule;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.text;

import io.jenkins.plugins.retrogate.engine.event.Backdatable;
import io.jenkins.plugins.retrogate.engine.event.ContributorRecorded;
import io.jenkins.plugins.retrogate.engine.event.DeploymentFinished;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.IdsReserved;
import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import io.jenkins.plugins.retrogate.engine.event.RetroAnswersRecorded;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.IncidentStatusChanged;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.OverrideDenied;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequestExpired;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequested;
import io.jenkins.plugins.retrogate.engine.event.RollbackRecorded;
import io.jenkins.plugins.retrogate.engine.event.SimilarIncidentLinked;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;

/**
 * The rules every event keeps, checked against the state before it: the rules the live commands
 * enforce, through the same functions ({@link LifecycleRules}, the override commands' four eyes and
 * PENDING checks, the text and name checks of {@code InvalidInputException} and {@code Names}), for
 * events that come from elsewhere. An import replays every event of an export through them, so that
 * no file edit can mint what no command can.
 * <p>
 * What depends on the policy of the time is taken as recorded, because an event log does not carry
 * the policy it was written under: whether an environment counted as production, the gate's mode, which
 * items blocked or warned, the override window's maximum and who held which permission. Four eyes is
 * checked under the policy given. One instance follows one log from its first event: once the log holds
 * a gate decision or a deployment that says how it went past the gate, every deployment must say it.
 * <p>
 * A fact recorded after it happened ({@code happenedAt}) happened between 2000 and its recording, and
 * not before what it belongs to (the incident's detection, the deployment's start), as the commands'
 * {@code --at} allows. The ids a repair reserved ({@code ids-reserved}) are taken as recorded: no command
 * writes them, only a repair of a damaged journal.
 */
public final class EventRules {
    private final ItemEventRules items;
    private final GateEventRules gates;

    public EventRules(GatePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        this.items = new ItemEventRules(policy);
        this.gates = new GateEventRules(policy);
    }

    /**
     * Checks {@code event}, the next event of the log, against {@code before}, the state the events
     * before it fold into.
     *
     * @throws io.jenkins.plugins.retrogate.engine.model.InvalidInputException naming the event's field,
     *         its value and the rule it breaks
     */
    public void check(RetroState before, Event event) {
        present("at", event.at(), "when it happened");
        line("actor", event.actor(), 200);
        if (event instanceof IncidentOpened e) {
            opened(before, e);
        } else if (event instanceof RollbackRecorded e) {
            Incident incident = incident(before, e.incidentId());
            happened(e, null, null);
            present("rollback", e.rollback(), "the rollback's deployment reference");
            EventFields.ref("rollback", e.rollback());
            String open = before.openIncidentOf(e.rollback().service()).map(Incident::id).orElse(null);
            if (!incident.id().equals(open)) {
                throw broken("incidentId", e.incidentId(), "is not the open incident of " + e.rollback().service()
                        + " (" + (open == null ? "it has none" : open) + "); a rollback joins that one or opens one");
            }
            optionalText("reason", e.reason(), IncidentCommands.TEXT_MAX);
        } else if (event instanceof IncidentStatusChanged e) {
            Incident incident = incident(before, e.incidentId());
            present("status", e.status(), "one of OPEN, MITIGATED, RESOLVED, REVIEWED");
            rule("status", e.status(), () -> LifecycleRules.requireForward(incident, e.status()));
            happened(e, incident.detectedAt(), "the incident's detection");
            if (e.status() == incident.status()) {
                throw broken("status", e.status(), "is the incident's status already; a command records changes only");
            }
        } else if (event instanceof IncidentDetailsChanged e) {
            details(before, e);
        } else if (event instanceof MitigationRecorded e) {
            Incident incident = incident(before, e.incidentId());
            happened(e, incident.detectedAt(), "the incident's detection");
            present("kind", e.kind(), "TEMPORARY or PERMANENT");
            text("description", e.description(), IncidentCommands.TEXT_MAX);
        } else if (event instanceof SimilarIncidentLinked e) {
            Incident incident = incident(before, e.incidentId());
            incident(before, e.similarIncidentId());
            if (e.similarIncidentId().equals(incident.id())) {
                throw broken("similarIncidentId", e.similarIncidentId(), "is the incident itself");
            }
            if (incident.similarIncidents().contains(e.similarIncidentId())) {
                throw broken("similarIncidentId", e.similarIncidentId(), "is linked already");
            }
        } else if (event instanceof RetroAnswersRecorded e) {
            incident(before, e.incidentId());
            if (!e.notSeenBefore() && e.noActionReason() == null) {
                throw broken("noActionReason", "", "and notSeenBefore are both missing: the event records one or both");
            }
            if (e.noActionReason() != null) {
                text("noActionReason", e.noActionReason(), IncidentCommands.TEXT_MAX);
            }
        } else if (event instanceof ContributorRecorded e) {
            incident(before, e.incidentId());
            present("role", e.role(), "one of INTRODUCED, IDENTIFIED, RESPONDED, DEBUGGED, RESOLVED, INSIGHT");
            line("name", e.name(), 200);
        } else if (event instanceof DeploymentStarted e) {
            happened(e, null, null);
            gates.started(before, e);
        } else if (event instanceof DeploymentFinished e) {
            Deployment deployment = deployment(before, e.deploymentId());
            rule("outcome", e.outcome(), () -> LifecycleRules.requireEndable(deployment, e.outcome()));
            happened(e, deployment.startedAt(), "the deployment's start");
        } else if (event instanceof OverrideRequested e) {
            gates.requested(before, e);
        } else if (event instanceof OverrideApproved e) {
            gates.approved(before, e);
        } else if (event instanceof OverrideApprovalGiven e) {
            gates.approvalGiven(before, e);
        } else if (event instanceof OverrideDenied e) {
            rule("requestId", e.requestId(), () -> OverrideCommands.pending(before, e.requestId()));
            text("reason", e.reason(), IncidentCommands.TEXT_MAX);
        } else if (event instanceof OverrideRequestExpired e) {
            rule("requestId", e.requestId(), () -> OverrideCommands.pending(before, e.requestId()));
        } else if (event instanceof GateDecided e) {
            gates.decided(before, e);
        } else if (event instanceof IdsReserved e) {
            reserved(e);
        } else if (event instanceof NotificationFailed e) {
            text("subject", e.subject(), 40);
            text("kind", e.kind(), 20);
            text("format", e.format(), 20);
            text("target", e.target(), 300);
            text("error", e.error(), IncidentCommands.TEXT_MAX);
            if (e.attempts() < 1) {
                throw broken("attempts", e.attempts(), "must be 1 or more");
            }
        } else {
            items.check(before, event);
        }
    }

    /**
     * When a fact recorded after it happened happened: not after it was recorded (the event's
     * {@code at}), not before {@link FactTime#EARLIEST}, not before {@code notBefore} ({@code what}).
     */
    private static void happened(Backdatable e, Instant notBefore, String what) {
        Instant happenedAt = e.happenedAt();
        if (happenedAt == null) {
            return;
        }
        if (happenedAt.isAfter(e.at())) {
            throw broken("happenedAt", happenedAt, "is after the event's 'at' (" + e.at()
                    + "): a fact is recorded when or after it happened, never before");
        }
        if (happenedAt.isBefore(FactTime.EARLIEST)) {
            throw broken("happenedAt", happenedAt, "is before " + FactTime.EARLIEST);
        }
        if (notBefore != null && happenedAt.isBefore(notBefore)) {
            throw broken("happenedAt", happenedAt, "is before " + what + " (" + notBefore + ")");
        }
    }

    /** Ids a repair reserved: taken as recorded, as long as they are numbers an id can have. */
    private static void reserved(IdsReserved e) {
        Map<String, Long> numbers = new java.util.LinkedHashMap<>();
        numbers.put("incidents", e.incidents());
        numbers.put("deployments", e.deployments());
        numbers.put("overrides", e.overrides());
        numbers.put("requests", e.requests());
        numbers.forEach((field, number) -> {
            if (number < 0) {
                throw broken(field, number, "is negative; a reserved id number is 0 (none) or more");
            }
        });
        for (Map.Entry<String, Integer> entry : e.items().entrySet()) {
            String[] incident = new String[1];
            rule("items", entry.getKey(), () -> incident[0] = Ids.parseIncident("items", entry.getKey()));
            if (!incident[0].equals(entry.getKey())) {
                throw broken("items", entry.getKey(), "is not in the one form commands record: " + incident[0]);
            }
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw broken("items", entry.getValue(), "is not an action-item number of " + entry.getKey());
            }
        }
        optionalText("reason", e.reason(), IncidentCommands.TEXT_MAX);
    }

    private static void opened(RetroState before, IncidentOpened e) {
        nextId("incidentId", e.incidentId(), Ids.incident(before.counters().incidents() + 1));
        // a rollback's incident is titled after the service, environment and reason, past a typed title's limit
        line("title", e.title(), e.rollback() == null ? IncidentCommands.TITLE_MAX : IncidentCommands.TITLE_MAX + 240);
        present("services", e.services().isEmpty() ? null : e.services(), "at least one affected service");
        for (String service : e.services()) {
            name("services", service);
        }
        if (new LinkedHashSet<>(e.services()).size() != e.services().size()) {
            throw broken("services", e.services(), "names a service twice");
        }
        present("detection", e.detection(), "one of ROLLBACK, ALERT, CUSTOMER_REPORT, DEPLOY_CHECK, MANUAL");
        present("detectedAt", e.detectedAt(), "when the failure was detected");
        rule("detectedAt", e.detectedAt(), () -> LifecycleRules.requireDetectedBy(e.detectedAt(), e.at()));
        EventFields.ref("trigger", e.trigger());
        EventFields.ref("rollback", e.rollback());
        optionalText("signature", e.signature(), IncidentCommands.TEXT_MAX);
    }

    private static void details(RetroState before, IncidentDetailsChanged e) {
        Incident incident = incident(before, e.incidentId());
        if (!Objects.equals(e.title(), incident.title())) {
            line("title", e.title(), IncidentCommands.TITLE_MAX);
        }
        if (!Objects.equals(e.rootCause(), incident.rootCause())) {
            text("rootCause", e.rootCause(), IncidentCommands.TEXT_MAX);
        }
        Instant responseStartedAt = e.responseStartedAt();
        if (responseStartedAt != null && !responseStartedAt.equals(incident.responseStartedAt())) {
            rule("responseStartedAt", responseStartedAt,
                    () -> LifecycleRules.requireResponseStart(incident, responseStartedAt, e.at()));
        }
        if (Objects.equals(e.title(), incident.title()) && e.severity() == incident.severity()
                && Objects.equals(e.responseStartedAt(), incident.responseStartedAt())
                && Objects.equals(e.rootCause(), incident.rootCause())) {
            throw broken("incidentId", e.incidentId(), "changes nothing; a command records changes only");
        }
    }

    static Incident incident(RetroState state, String id) {
        Incident incident = id == null ? null : state.incidents().get(id);
        if (incident == null) {
            throw broken("incidentId", id, "names no incident an earlier event opened");
        }
        return incident;
    }

    static Deployment deployment(RetroState state, String id) {
        Deployment deployment = id == null ? null : state.deployments().get(id);
        if (deployment == null) {
            throw broken("deploymentId", id, "names no deployment an earlier event started");
        }
        return deployment;
    }

}
