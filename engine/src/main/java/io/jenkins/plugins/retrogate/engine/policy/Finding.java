package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;

/**
 * One reason behind a decision: an item (or, for a rule about the service such as the post-rollback
 * freeze, an incident) and the rule it met, in words a release manager understands.
 */
public record Finding(Kind kind, @CheckForNull ActionItem item, String incidentId, String rule) {
    /**
     * Why the finding is there, and what it does to the decision: each kind either blocks, warns or
     * only informs, so the evaluator, the message and every front-end ask the kind and never list
     * kinds themselves.
     */
    public enum Kind {
        /** An open item that blocks under the policy. */
        BLOCKING(Effect.BLOCKS),
        /** An incident of a rolled-back service without action items or review. */
        FREEZE(Effect.BLOCKS),
        /** An open item that warns. */
        WARNING(Effect.WARNS),
        /** An open item past its due date. */
        OVERDUE(Effect.WARNS),
        /** A resolved blocking item that a production deployment has yet to verify (information only). */
        UNVERIFIED(Effect.INFORMS),
        /** A blocking item whose fix this deployment carries: it does not block. */
        CARRIES_FIX(Effect.INFORMS),
        /** An incident of the service still OPEN (not mitigated) longer than the policy's {@code staleIncidentDays}. */
        STALE_INCIDENT(Effect.BLOCKS),
        /** An incident of the service not yet REVIEWED longer than the policy's {@code retroDueDays} after detection. */
        OVERDUE_RETRO(Effect.WARNS);

        private final Effect effect;

        Kind(Effect effect) {
            this.effect = effect;
        }

        /** Whether a finding of this kind stops a deployment (in {@code BLOCK} mode, unless overridden). */
        public boolean blocks() {
            return effect == Effect.BLOCKS;
        }

        /** Whether a finding of this kind makes the decision a warning (when nothing blocks). */
        public boolean warns() {
            return effect == Effect.WARNS;
        }
    }

    /** What a kind of finding does to the decision. */
    private enum Effect {
        BLOCKS, WARNS, INFORMS
    }

    /** Whether this finding alone stops a deployment (a blocking item, the post-rollback freeze, a stale incident). */
    public boolean blocks() {
        return kind.blocks();
    }

    /** Whether this finding makes the decision a warning when nothing blocks. */
    public boolean warns() {
        return kind.warns();
    }

    /** What the finding is about: the item id, or the incident id for a finding about an incident. */
    public String subject() {
        return item != null ? item.id() : incidentId;
    }
}
