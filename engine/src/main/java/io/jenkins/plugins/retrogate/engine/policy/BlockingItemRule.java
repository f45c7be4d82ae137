package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Ticket;

/**
 * An OPEN item that blocks under the policy ({@link GatePolicy#blocks}) blocks the deployment,
 * unless the deployment's change set names its ticket or id: then it carries the fix and passes,
 * and the decision says so.
 */
final class BlockingItemRule implements ItemRule {
    @Override
    public boolean isOn(GatePolicy policy) {
        return true;
    }

    @Override
    @CheckForNull
    public Finding check(ActionItem item, RuleContext context) {
        if (item.status() != ItemStatus.OPEN || !context.policy().blocks(item)) {
            return null;
        }
        if (context.request().changeTickets().stream().anyMatch(item::isNamedBy)) {
            return new Finding(Finding.Kind.CARRIES_FIX, item, item.incidentId(),
                    "this deployment carries the fix (its change set names " + reference(item) + ")");
        }
        return new Finding(Finding.Kind.BLOCKING, item, item.incidentId(), WarningItemRule.open(item));
    }

    private static String reference(ActionItem item) {
        Ticket ticket = item.ticket();
        return ticket == null ? item.id() : ticket.key() + " / " + item.id();
    }
}
