package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;

/**
 * A gate rule about one OPEN or RESOLVED action item guarding the deployed service. For each item
 * (in {@code RetroState.ITEM_ORDER}) the item rules run in their order, so an item's findings stay
 * together.
 */
public non-sealed interface ItemRule extends FindingRule {
    /** The finding about {@code item}, or {@code null} when the rule has nothing to say about it. */
    @CheckForNull
    Finding check(ActionItem item, RuleContext context);
}
