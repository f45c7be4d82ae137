package io.jenkins.plugins.retrogate.engine.policy;

import java.util.List;

/**
 * A gate rule about the deployed service as a whole, such as the post-rollback freeze. Its findings
 * are listed before those about items.
 */
public non-sealed interface ServiceRule extends FindingRule {
    /** What the rule finds about {@code context.request().service()}, in order; empty when nothing. */
    List<Finding> check(RuleContext context);
}
