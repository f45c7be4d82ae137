package io.jenkins.plugins.retrogate.engine.model;

/** What an action item does about the failure: prevent it, soften it, or something else. */
public enum ItemType {
    PREVENTATIVE, MITIGATIVE, OTHER;

    public static ItemType parse(String field, String value) {
        return Choices.parse(ItemType.class, field, value);
    }
}
