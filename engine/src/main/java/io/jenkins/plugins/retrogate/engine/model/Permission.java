package io.jenkins.plugins.retrogate.engine.model;

/** What an actor may do beyond recording facts. */
public enum Permission {
    /** Edit incidents and items. */
    MANAGE,
    /** Approve or deny overrides, drop blocking items (release managers). */
    OVERRIDE
}
