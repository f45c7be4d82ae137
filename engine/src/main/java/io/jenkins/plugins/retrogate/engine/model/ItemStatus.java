package io.jenkins.plugins.retrogate.engine.model;

/**
 * Where an action item stands. {@code VERIFIED} is reached only through a successful production
 * deployment; there is no command that sets it by hand.
 */
public enum ItemStatus {
    OPEN, RESOLVED, VERIFIED, DROPPED;

    /** Whether the item still needs work or proof ({@code OPEN} or {@code RESOLVED}). */
    public boolean isActive() {
        return this == OPEN || this == RESOLVED;
    }

    public static ItemStatus parse(String field, String value) {
        return Choices.parse(ItemStatus.class, field, value);
    }
}
