package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import java.util.List;

/**
 * The post-rollback freeze ({@code postRollbackFreeze}): after a rollback, the service's production
 * deployments are blocked until the incident of its latest rollback has an action item or is
 * REVIEWED — nobody ships again before anyone has asked what to change.
 */
final class PostRollbackFreezeRule implements ServiceRule {
    @Override
    public boolean isOn(GatePolicy policy) {
        return policy.postRollbackFreeze();
    }

    @Override
    public List<Finding> check(RuleContext context) {
        return context.state().latestRollbackIncidentOf(context.request().service())
                .filter(incident -> incident.status() != IncidentStatus.REVIEWED)
                .filter(incident -> !context.state().hasItems(incident.id()))
                .map(incident -> List.of(new Finding(Finding.Kind.FREEZE, null, incident.id(),
                        "post-rollback freeze: incident " + incident.id()
                                + " has no action item yet and is not reviewed")))
                .orElse(List.of());
    }
}
