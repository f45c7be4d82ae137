package io.jenkins.plugins.retrogate.engine.model;

/** An incident moves forward only: {@code OPEN → MITIGATED → RESOLVED → REVIEWED} (retro held). */
public enum IncidentStatus {
    OPEN, MITIGATED, RESOLVED, REVIEWED;

    /** Open incidents collect further rollbacks of their services. */
    public boolean isOpen() {
        return this == OPEN || this == MITIGATED;
    }

    public static IncidentStatus parse(String field, String value) {
        return Choices.parse(IncidentStatus.class, field, value);
    }
}
