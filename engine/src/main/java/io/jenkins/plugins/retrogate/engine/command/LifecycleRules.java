package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.time.Instant;

/**
 * The lifecycle's transitions, each checked in one place: the commands call these before they record
 * an event, and {@link EventRules} calls the same ones for an event that comes from elsewhere (an
 * import), so that no file edit can mint what no command can.
 */
final class LifecycleRules {
    private LifecycleRules() {
    }

    /** Only an OPEN item can be resolved. */
    static void requireResolvable(ActionItem item) {
        if (item.status() != ItemStatus.OPEN) {
            throw new RefusedException("Action item " + item.id() + " is " + item.status()
                    + "; only an OPEN item can be resolved");
        }
    }

    /** Only a RESOLVED item can be reopened (by hand, or by the rollback of a deployment carrying its fix). */
    static void requireReopenable(ActionItem item) {
        if (item.status() != ItemStatus.RESOLVED) {
            throw new RefusedException("Action item " + item.id() + " is " + item.status()
                    + "; only a RESOLVED item can be reopened");
        }
    }

    /** Only an OPEN or RESOLVED item can be dropped. */
    static void requireDroppable(ActionItem item) {
        if (!item.status().isActive()) {
            throw new RefusedException("Action item " + item.id() + " is " + item.status()
                    + "; only an OPEN or RESOLVED item can be dropped");
        }
    }

    /** A ticket is linked once, to an OPEN or RESOLVED item. */
    static void requireLinkable(ActionItem item, Ticket ticket) {
        Ticket linked = item.ticket();
        if (linked != null) {
            throw new RefusedException("Action item " + item.id() + " already has ticket " + linked.key()
                    + "; a ticket, once linked, is not replaced");
        }
        if (!item.status().isActive()) {
            throw new RefusedException("Action item " + item.id() + " is " + item.status()
                    + "; tickets are linked to OPEN or RESOLVED items only");
        }
    }

    /**
     * Whether {@code deployment} proves the fix of {@code item}: a successful production deployment of a
     * service the item guards, of a RESOLVED item, that carried the fix or started after the resolution.
     */
    static boolean proves(Deployment deployment, ActionItem item) {
        return deployment.production() && deployment.outcome() == Outcome.SUCCEEDED && item.guards(deployment.service())
                && item.status() == ItemStatus.RESOLVED
                && (deployment.carries(item) || deployment.startedAt().isAfter(item.resolvedAt()));
    }

    /** Whether {@code deployment} resolves {@code item} by carrying its fix (a successful production deployment). */
    static boolean resolvesByCarrying(Deployment deployment, ActionItem item) {
        return deployment.production() && deployment.outcome() == Outcome.SUCCEEDED && item.guards(deployment.service())
                && item.status() == ItemStatus.OPEN && deployment.carries(item);
    }

    /** A deployment that ends must still be running, and end with an outcome. */
    static void requireRunning(Deployment deployment, Outcome outcome) {
        if (deployment.outcome() != null) {
            throw new RefusedException("Deployment " + deployment.id() + " already ended " + deployment.outcome());
        }
        if (outcome == null) {
            throw new InvalidInputException("outcome", "", "is missing: one of SUCCEEDED, FAILED, ROLLED_BACK");
        }
    }

    /**
     * A deployment ends once; only a rollback may follow the end of one that succeeded or failed (the
     * rollback of an ended deployment: it is then rolled back, and still counted once).
     */
    static void requireEndable(Deployment deployment, Outcome outcome) {
        if (outcome == Outcome.ROLLED_BACK && deployment.outcome() != null
                && deployment.outcome() != Outcome.ROLLED_BACK) {
            return;
        }
        requireRunning(deployment, outcome);
    }

    /** An incident's status only moves forward. */
    static void requireForward(Incident incident, IncidentStatus status) {
        if (status.compareTo(incident.status()) < 0) {
            throw new RefusedException("Incident " + incident.id() + " is " + incident.status()
                    + "; its status only moves forward (OPEN → MITIGATED → RESOLVED → REVIEWED), not back to "
                    + status);
        }
    }

    /** The response started between the detection and now. */
    static void requireResponseStart(Incident incident, Instant responseStartedAt, Instant now) {
        if (responseStartedAt.isBefore(incident.detectedAt()) || responseStartedAt.isAfter(now)) {
            throw new InvalidInputException("responseStartedAt", responseStartedAt,
                    "must lie between the detection (" + incident.detectedAt() + ") and now (" + now + ")");
        }
    }

    /** An incident is detected at or before the time it is opened. */
    static void requireDetectedBy(Instant detectedAt, Instant now) {
        if (detectedAt.isAfter(now)) {
            throw new InvalidInputException("detectedAt", detectedAt, "is in the future; it must be at or before " + now);
        }
    }
}
