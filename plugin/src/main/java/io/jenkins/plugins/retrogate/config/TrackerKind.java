package io.jenkins.plugins.retrogate.config;

import io.jenkins.plugins.retrogate.engine.model.TicketSystem;

/** Which tracker Retro Gate talks to; no tracker at all is an absent {@link TrackerSettings}. */
public enum TrackerKind {
    JIRA_CLOUD("Jira Cloud", TicketSystem.JIRA),
    JIRA_DATA_CENTER("Jira Data Center", TicketSystem.JIRA),
    GITHUB("GitHub Issues", TicketSystem.GITHUB);

    private final String displayName;
    private final TicketSystem system;

    TrackerKind(String displayName, TicketSystem system) {
        this.displayName = displayName;
        this.system = system;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** The tickets this tracker serves, as action items name them. */
    public TicketSystem system() {
        return system;
    }
}
