package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.model.Choices;

/** What the gate does when blocking items are found, from the mildest to the strictest. */
public enum GateMode {
    /** The gate does not look. */
    OFF,
    /** The build goes on, marked unstable. */
    WARN,
    /** The deployment fails unless an override was approved. */
    BLOCK;

    public boolean isStricterThan(GateMode other) {
        return compareTo(other) > 0;
    }

    public static GateMode parse(String field, String value) {
        return Choices.parse(GateMode.class, field, value);
    }
}
