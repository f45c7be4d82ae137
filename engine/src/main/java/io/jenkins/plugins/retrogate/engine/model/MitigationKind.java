package io.jenkins.plugins.retrogate.engine.model;

/** Whether a mitigation stops the bleeding for now or for good. */
public enum MitigationKind {
    TEMPORARY, PERMANENT;

    public static MitigationKind parse(String field, String value) {
        return Choices.parse(MitigationKind.class, field, value);
    }
}
