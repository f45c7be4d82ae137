package io.jenkins.plugins.retrogate.engine.policy;

import java.util.List;

/**
 * Every rule of the gate, in the order its findings are listed: the rules about the service first,
 * then, for each item, the rules about items. A new rule is registered here, in the place where its
 * findings belong; {@link GatePolicy} keeps those its switches turn on.
 */
final class FindingRules {
    static final List<FindingRule> ALL = List.of(
            new PostRollbackFreezeRule(),
            new StaleIncidentRule(),
            new OverdueRetroRule(),
            new BlockingItemRule(),
            new WarningItemRule(),
            new OverdueItemRule(),
            new UnverifiedItemRule());

    private FindingRules() {
    }
}
