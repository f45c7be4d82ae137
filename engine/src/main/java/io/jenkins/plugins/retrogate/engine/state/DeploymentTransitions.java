package io.jenkins.plugins.retrogate.engine.state;

import io.jenkins.plugins.retrogate.engine.event.DeploymentFinished;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.model.BuildDecision;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Names;
import java.util.Set;

/** How the events of a deployment and of the gate's decision for its build change the state. */
final class DeploymentTransitions {
    private DeploymentTransitions() {
    }

    /** Applies {@code event} when it is a deployment's or a gate decision; {@code false} when it is not. */
    static boolean apply(NextState n, Event event) {
        if (event instanceof DeploymentStarted e) {
            DeploymentRef ref = e.deploymentId().equals(e.ref().deploymentId())
                    ? e.ref().withDeploymentId(e.deploymentId()) : e.ref();
            Deployment deployment = new Deployment(e.deploymentId(), ref, e.production(),
                    Set.copyOf(e.changeTickets()), e.decision(), Names.shared(e.actor()), e.happened(),
                    null, null, e.gate(), e.overrideId(), e.bypass());
            n.deployments = n.deployments.plus(deployment.id(), deployment);
            n.counters = n.counters.withDeployment(Counters.numberOf(deployment.id()));
        } else if (event instanceof DeploymentFinished e) {
            Deployment deployment = n.s.deployments().get(e.deploymentId());
            if (deployment == null) {
                throw NextState.unknown("deployment", e.deploymentId());
            }
            n.deployments = n.deployments.plus(deployment.id(), deployment.finished(e.outcome(), e.happened()));
        } else if (event instanceof GateDecided e) {
            if (e.buildUrl() == null) {
                throw new IllegalStateException("the event log holds a gate decision that names no build");
            }
            BuildDecision decision = new BuildDecision(Names.shared(e.service()), Names.shared(e.environment()),
                    e.buildUrl(), e.decision(), Names.shared(e.requestedBy()), e.at(), e.overrideId(),
                    e.requestId());
            n.decisionsByBuild = n.decisionsByBuild.plus(
                    RetroState.requestKey(e.service(), e.environment(), e.buildUrl()), decision);
        } else {
            return false;
        }
        return true;
    }
}
