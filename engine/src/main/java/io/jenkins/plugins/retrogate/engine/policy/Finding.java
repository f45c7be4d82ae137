package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;

/**
 * One reason behind a decision: an item (or, for the post-rollback freeze, an incident) and the
 * rule it met, in words a release manager understands.
 */
public record Finding(Kind kind, ActionItem item, String incidentId, String rule) {
    /** Why the finding is there. */
    public enum Kind {
        /** An open item that blocks under the policy. */
        BLOCKING,
        /** An incident of a rolled-back service without action items or review. */
        FREEZE,
        /** An open item that warns. */
        WARNING,
        /** An open item past its due date. */
        OVERDUE,
        /** A resolved blocking item that a production deployment has yet to verify (information only). */
        UNVERIFIED,
        /** A blocking item whose fix this deployment carries: it does not block. */
        CARRIES_FIX
    }

    /** Whether this finding alone stops a deployment (a blocking item or the post-rollback freeze). */
    public boolean blocks() {
        return kind == Kind.BLOCKING || kind == Kind.FREEZE;
    }

    /** What the finding is about: the item id, or the incident id for a freeze. */
    public String subject() {
        return item != null ? item.id() : incidentId;
    }
}
