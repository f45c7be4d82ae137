package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;

/**
 * A RESOLVED item of a blocking kind is named for information: it waits for a successful production
 * deployment to verify it, and does not change the decision.
 */
final class UnverifiedItemRule implements ItemRule {
    @Override
    public boolean isOn(GatePolicy policy) {
        return true;
    }

    @Override
    @CheckForNull
    public Finding check(ActionItem item, RuleContext context) {
        if (item.status() != ItemStatus.RESOLVED || !context.policy().blocks(item)) {
            return null;
        }
        return new Finding(Finding.Kind.UNVERIFIED, item, item.incidentId(),
                "resolved, waiting for a successful production deployment to verify it");
    }
}
