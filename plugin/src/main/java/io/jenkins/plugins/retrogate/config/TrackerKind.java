package io.jenkins.plugins.retrogate.config;

import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetup;

/**
 * Which tracker Retro Gate talks to, as the form and Configuration as Code name it ({@code JIRA_CLOUD});
 * the engine's {@link TrackerSetup.Kind} under the hood. No tracker at all is an absent {@link TrackerSettings}.
 */
public enum TrackerKind {
    JIRA_CLOUD(TrackerSetup.Kind.JIRA_CLOUD),
    JIRA_DATA_CENTER(TrackerSetup.Kind.JIRA_DATA_CENTER),
    GITHUB(TrackerSetup.Kind.GITHUB);

    private final TrackerSetup.Kind engine;

    TrackerKind(TrackerSetup.Kind engine) {
        this.engine = engine;
    }

    public String getDisplayName() {
        return engine.displayName();
    }

    /** The tickets this tracker serves, as action items name them. */
    public TicketSystem system() {
        return engine.system();
    }
}
