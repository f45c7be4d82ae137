package io.jenkins.plugins.retrogate.engine.model;

/** How a deployment ended. */
public enum Outcome {
    SUCCEEDED, FAILED, ROLLED_BACK;

    public static Outcome parse(String field, String value) {
        return Choices.parse(Outcome.class, field, value);
    }
}
