package io.jenkins.plugins.retrogate.engine.model;

/** Urgency of an action item; {@code P0} is the most urgent and sorts first. */
public enum Priority {
    P0, P1, P2;

    /** Whether this priority is as urgent as {@code limit} or more ({@code P0.atLeast(P1)} is true). */
    public boolean atLeast(Priority limit) {
        return compareTo(limit) <= 0;
    }

    public static Priority parse(String field, String value) {
        return Choices.parse(Priority.class, field, value);
    }
}
