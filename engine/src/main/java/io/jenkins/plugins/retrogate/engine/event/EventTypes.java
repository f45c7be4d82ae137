package io.jenkins.plugins.retrogate.engine.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The type names events carry in their JSON form. A name, once written to a journal, is never
 * changed or reused.
 */
public final class EventTypes {
    private static final Map<String, Class<? extends Event>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("incident-opened", IncidentOpened.class);
        BY_NAME.put("rollback-recorded", RollbackRecorded.class);
        BY_NAME.put("incident-status-changed", IncidentStatusChanged.class);
        BY_NAME.put("incident-details-changed", IncidentDetailsChanged.class);
        BY_NAME.put("mitigation-recorded", MitigationRecorded.class);
        BY_NAME.put("similar-incident-linked", SimilarIncidentLinked.class);
        BY_NAME.put("contributor-recorded", ContributorRecorded.class);
        BY_NAME.put("item-added", ItemAdded.class);
        BY_NAME.put("item-resolved", ItemResolved.class);
        BY_NAME.put("item-verified", ItemVerified.class);
        BY_NAME.put("item-reopened", ItemReopened.class);
        BY_NAME.put("item-dropped", ItemDropped.class);
        BY_NAME.put("deployment-started", DeploymentStarted.class);
        BY_NAME.put("deployment-finished", DeploymentFinished.class);
        BY_NAME.put("override-requested", OverrideRequested.class);
        BY_NAME.put("override-approved", OverrideApproved.class);
        BY_NAME.put("override-denied", OverrideDenied.class);
        BY_NAME.put("override-request-expired", OverrideRequestExpired.class);
        BY_NAME.put("ticket-linked", TicketLinked.class);
        BY_NAME.put("gate-decided", GateDecided.class);
        BY_NAME.put("ids-reserved", IdsReserved.class);
        BY_NAME.put("notification-failed", NotificationFailed.class);
        BY_NAME.put("retro-answers-recorded", RetroAnswersRecorded.class);
        BY_NAME.put("override-approval-given", OverrideApprovalGiven.class);
    }

    private EventTypes() {
    }

    /** Every event type by its JSON name, in a stable order. */
    public static Map<String, Class<? extends Event>> byName() {
        return java.util.Collections.unmodifiableMap(BY_NAME); // in the order above, the order types were added
    }

    /** The JSON name of an event's type. */
    public static String nameOf(Event event) {
        for (Map.Entry<String, Class<? extends Event>> entry : BY_NAME.entrySet()) {
            if (entry.getValue() == event.getClass()) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("event type without a JSON name: " + event.getClass().getName());
    }
}
