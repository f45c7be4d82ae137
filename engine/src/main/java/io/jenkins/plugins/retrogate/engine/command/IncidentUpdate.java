package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes to an incident's retrospective fields; {@code null} leaves a field as it is. A mitigation
 * needs both its kind and its description, a contributor both role and name. {@code at} is when the
 * status change or the mitigation happened, when it is recorded later ({@code null}: now); it dates
 * nothing else.
 */
public record IncidentUpdate(String incidentId, IncidentStatus status, String title, Severity severity,
        Instant responseStartedAt, String rootCause, MitigationKind mitigationKind, String mitigation,
        String similarIncidentId, ContributorRole contributorRole, String contributorName, Instant at,
        boolean notSeenBefore, String noActionReason) {

    /**
     * Wording in the texts this update records (title, root cause, mitigation) that blames a person,
     * each with a systems-focused question.
     */
    public List<WordingHint> hints() {
        List<WordingHint> hints = new ArrayList<>(BlameWording.check("title", title));
        hints.addAll(BlameWording.check("rootCause", rootCause));
        hints.addAll(BlameWording.check("mitigation", mitigation));
        hints.addAll(BlameWording.check("noActionReason", noActionReason));
        return List.copyOf(hints);
    }

    /** An update that changes nothing yet, for the {@code with…} methods. */
    public static IncidentUpdate of(String incidentId) {
        return new IncidentUpdate(incidentId, null, null, null, null, null, null, null, null, null, null, null, false, null);
    }

    public IncidentUpdate withStatus(IncidentStatus newStatus) {
        return new IncidentUpdate(incidentId, newStatus, title, severity, responseStartedAt, rootCause, mitigationKind,
                mitigation, similarIncidentId, contributorRole, contributorName, at, notSeenBefore, noActionReason);
    }

    public IncidentUpdate withRootCause(String text) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, text, mitigationKind,
                mitigation, similarIncidentId, contributorRole, contributorName, at, notSeenBefore, noActionReason);
    }

    public IncidentUpdate withResponseStartedAt(Instant instant) {
        return new IncidentUpdate(incidentId, status, title, severity, instant, rootCause, mitigationKind, mitigation,
                similarIncidentId, contributorRole, contributorName, at, notSeenBefore, noActionReason);
    }

    public IncidentUpdate withMitigation(MitigationKind kind, String description) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, rootCause, kind, description,
                similarIncidentId, contributorRole, contributorName, at, notSeenBefore, noActionReason);
    }

    public IncidentUpdate withSimilar(String similarId) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, rootCause, mitigationKind,
                mitigation, similarId, contributorRole, contributorName, at, notSeenBefore, noActionReason);
    }

    public IncidentUpdate withContributor(ContributorRole role, String name) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, rootCause, mitigationKind,
                mitigation, similarIncidentId, role, name, at, notSeenBefore, noActionReason);
    }

    public IncidentUpdate withTitleAndSeverity(String newTitle, Severity newSeverity) {
        return new IncidentUpdate(incidentId, status, newTitle, newSeverity, responseStartedAt, rootCause,
                mitigationKind, mitigation, similarIncidentId, contributorRole, contributorName, at, notSeenBefore, noActionReason);
    }

    /**
     * The retrospective's answers no other field holds: not seen before, and why no action item is needed
     * ({@code null}: not recorded by this update).
     */
    public IncidentUpdate withRetroAnswers(boolean newNotSeenBefore, String newNoActionReason) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, rootCause, mitigationKind,
                mitigation, similarIncidentId, contributorRole, contributorName, at, newNotSeenBefore, newNoActionReason);
    }

    /** The status change and the mitigation of this update happened at {@code instant}, before it is recorded. */
    public IncidentUpdate withAt(Instant instant) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, rootCause, mitigationKind,
                mitigation, similarIncidentId, contributorRole, contributorName, instant, notSeenBefore, noActionReason);
    }
}
