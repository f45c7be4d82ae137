package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/**
 * A change that happened: who did it, when, and what. The event log is the source of truth,
 * the audit trail and the incident timeline at once; the state is a fold of it. The JSON form of
 * each event (its type name and the names of its components) is the journal format, documented
 * in {@code docs/storage.md}: renaming a component is a format change.
 */
public sealed interface Event permits IncidentOpened, RollbackRecorded, IncidentStatusChanged,
        IncidentDetailsChanged, MitigationRecorded, SimilarIncidentLinked, ContributorRecorded, ItemAdded,
        ItemResolved, ItemVerified, ItemReopened, ItemDropped, DeploymentStarted, DeploymentFinished,
        OverrideRequested, OverrideApproved, OverrideDenied, OverrideRequestExpired, TicketLinked, GateDecided,
        IdsReserved, NotificationFailed, RetroAnswersRecorded, OverrideApprovalGiven {

    /** When it happened (UTC). */
    Instant at();

    /** Who did it: a user id, or a system actor such as {@code tracker} or {@code gate}. */
    String actor();
}
