package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import java.util.Locale;

/** An OPEN item that warns under the policy ({@link GatePolicy#warns}) makes the decision a warning. */
final class WarningItemRule implements ItemRule {
    @Override
    public boolean isOn(GatePolicy policy) {
        return true;
    }

    @Override
    @CheckForNull
    public Finding check(ActionItem item, RuleContext context) {
        if (item.status() != ItemStatus.OPEN || !context.policy().warns(item)) {
            return null;
        }
        return new Finding(Finding.Kind.WARNING, item, item.incidentId(), open(item));
    }

    /** How a blocking or warning finding names the item's rule: {@code open P0 preventative item}. */
    static String open(ActionItem item) {
        return "open " + item.priority() + " " + item.type().name().toLowerCase(Locale.ROOT) + " item";
    }
}
