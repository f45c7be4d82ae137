package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
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

    /**
     * The mode a pipeline asks for, read the same way from every front-end ({@code retroGate(mode:)},
     * {@code retro-gate gate --mode}): empty means the policy's mode ({@code null}); otherwise
     * {@code block}, {@code warn} or {@code off}, in any case. Whether a weaker mode than the policy's is
     * honoured is the policy's decision, made and explained by the gate, not here.
     */
    @CheckForNull
    public static GateMode requested(String field, @CheckForNull String value) {
        return value == null || value.isBlank() ? null : parse(field, value.strip());
    }
}
