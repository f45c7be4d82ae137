package io.jenkins.plugins.retrogate.engine.state;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IdsReserved;
import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import io.jenkins.plugins.retrogate.engine.model.Names;

/**
 * How each event changes the state: hands it to the transitions of its aggregate (incidents, action
 * items, deployments and gate decisions, overrides). Events were validated by the command that
 * produced them, so folding never refuses one; an event naming something unknown is a corrupt log
 * and fails loudly, and so does an event type no aggregate handles.
 * <p>
 * Entities keep shared instances of what repeats: names through {@link Names#shared}, and the
 * incident and deployment ids an item refers to are the incident's and the deployment's own id
 * instances. Decoded events bring a fresh string for every value; without this, most of the
 * state's heap would be copies of a few thousand names.
 */
final class Transitions {
    private Transitions() {
    }

    static RetroState apply(RetroState s, Event event) {
        NextState n = new NextState(s);
        if (IncidentTransitions.apply(n, event) || ItemTransitions.apply(n, event)
                || DeploymentTransitions.apply(n, event) || OverrideTransitions.apply(n, event)) {
            return n.build();
        }
        if (event instanceof IdsReserved e) {
            n.counters = n.counters.withIncident(e.incidents()).withDeployment(e.deployments())
                    .withOverride(e.overrides()).withRequest(e.requests()).withItems(e.items());
            return n.build();
        }
        if (event instanceof NotificationFailed) {
            return n.build(); // for the report only: a failed notification changes no decision
        }
        // a new event type without its transition would otherwise be recorded and silently change nothing
        throw new IllegalStateException("no transition for event type " + event.getClass().getName());
    }
}
