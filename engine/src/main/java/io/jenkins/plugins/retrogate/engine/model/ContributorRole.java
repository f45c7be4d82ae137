package io.jenkins.plugins.retrogate.engine.model;

/** The roles a retrospective asks about: who introduced, identified, responded, debugged, resolved, or has insight. */
public enum ContributorRole {
    INTRODUCED, IDENTIFIED, RESPONDED, DEBUGGED, RESOLVED, INSIGHT;

    public static ContributorRole parse(String field, String value) {
        return Choices.parse(ContributorRole.class, field, value);
    }
}
