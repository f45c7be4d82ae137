package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.time.Instant;

/**
 * Changes to an incident's retrospective fields; {@code null} leaves a field as it is. A mitigation
 * needs both its kind and its description, a contributor both role and name.
 */
public record IncidentUpdate(String incidentId, IncidentStatus status, String title, Severity severity,
        Instant responseStartedAt, String rootCause, MitigationKind mitigationKind, String mitigation,
        String similarIncidentId, ContributorRole contributorRole, String contributorName) {

    /** An update that changes nothing yet, for the {@code with…} methods. */
    public static IncidentUpdate of(String incidentId) {
        return new IncidentUpdate(incidentId, null, null, null, null, null, null, null, null, null, null);
    }

    public IncidentUpdate withStatus(IncidentStatus newStatus) {
        return new IncidentUpdate(incidentId, newStatus, title, severity, responseStartedAt, rootCause, mitigationKind,
                mitigation, similarIncidentId, contributorRole, contributorName);
    }

    public IncidentUpdate withRootCause(String text) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, text, mitigationKind,
                mitigation, similarIncidentId, contributorRole, contributorName);
    }

    public IncidentUpdate withResponseStartedAt(Instant at) {
        return new IncidentUpdate(incidentId, status, title, severity, at, rootCause, mitigationKind, mitigation,
                similarIncidentId, contributorRole, contributorName);
    }

    public IncidentUpdate withMitigation(MitigationKind kind, String description) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, rootCause, kind, description,
                similarIncidentId, contributorRole, contributorName);
    }

    public IncidentUpdate withSimilar(String similarId) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, rootCause, mitigationKind,
                mitigation, similarId, contributorRole, contributorName);
    }

    public IncidentUpdate withContributor(ContributorRole role, String name) {
        return new IncidentUpdate(incidentId, status, title, severity, responseStartedAt, rootCause, mitigationKind,
                mitigation, similarIncidentId, role, name);
    }

    public IncidentUpdate withTitleAndSeverity(String newTitle, Severity newSeverity) {
        return new IncidentUpdate(incidentId, status, newTitle, newSeverity, responseStartedAt, rootCause,
                mitigationKind, mitigation, similarIncidentId, contributorRole, contributorName);
    }
}
