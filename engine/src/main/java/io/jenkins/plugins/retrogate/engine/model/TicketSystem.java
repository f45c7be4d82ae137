package io.jenkins.plugins.retrogate.engine.model;

/** Where an action item's ticket lives. */
public enum TicketSystem {
    JIRA, GITHUB, URL;

    public static TicketSystem parse(String field, String value) {
        return Choices.parse(TicketSystem.class, field, value);
    }
}
