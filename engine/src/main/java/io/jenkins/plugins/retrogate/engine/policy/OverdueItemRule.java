package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;

/** An OPEN item past its due date (on the request's day, UTC) warns, when {@code warnOverdue} is on. */
final class OverdueItemRule implements ItemRule {
    @Override
    public boolean isOn(GatePolicy policy) {
        return policy.warnOverdue();
    }

    @Override
    @CheckForNull
    public Finding check(ActionItem item, RuleContext context) {
        if (item.status() != ItemStatus.OPEN || !item.isOverdue(context.today())) {
            return null;
        }
        return new Finding(Finding.Kind.OVERDUE, item, item.incidentId(), "overdue since " + item.due());
    }
}
