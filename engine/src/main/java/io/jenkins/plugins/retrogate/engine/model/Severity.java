package io.jenkins.plugins.retrogate.engine.model;

/** Incident severity, {@code SEV1} the worst. */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4;

    public static Severity parse(String field, String value) {
        return Choices.parse(Severity.class, field, value);
    }
}
