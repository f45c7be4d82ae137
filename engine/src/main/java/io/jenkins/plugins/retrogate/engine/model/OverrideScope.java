package io.jenkins.plugins.retrogate.engine.model;

/** What an approved override lets through. */
public enum OverrideScope {
    /** One build, identified by its URL. */
    BUILD,
    /** Every deployment of a service to an environment until the override expires. */
    WINDOW
}
