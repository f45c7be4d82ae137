package io.jenkins.plugins.retrogate.engine.model;

/** What declared an action item's fix done. */
public enum Resolution {
    /** A person, through a form, the CLI or a step. */
    MANUAL,
    /** The ticket reached a done state in the tracker. */
    TRACKER,
    /** A successful production deployment whose change set named the item's ticket or id. */
    DEPLOYMENT
}
