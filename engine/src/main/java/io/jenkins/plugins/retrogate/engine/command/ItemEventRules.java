package io.jenkins.plugins.retrogate.engine.command;

import static io.jenkins.plugins.retrogate.engine.command.EventFields.broken;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.line;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.nextId;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.optionalText;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.present;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.rule;
import static io.jenkins.plugins.retrogate.engine.command.EventFields.text;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.ItemDropped;
import io.jenkins.plugins.retrogate.engine.event.ItemReopened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.event.TicketLinked;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.LinkedHashSet;

/** {@link EventRules} for the action-item lifecycle: added, resolved, verified, reopened, dropped, ticket linked. */
final class ItemEventRules {
    private final GatePolicy policy;

    ItemEventRules(GatePolicy policy) {
        this.policy = policy;
    }

    void check(RetroState before, Event event) {
        if (event instanceof ItemAdded e) {
            added(before, e);
        } else if (event instanceof ItemResolved e) {
            resolved(before, e);
        } else if (event instanceof ItemVerified e) {
            verified(before, e);
        } else if (event instanceof ItemReopened e) {
            ActionItem item = item(before, e.itemId());
            text("reason", e.reason(), IncidentCommands.TEXT_MAX);
            if (item.status() == ItemStatus.VERIFIED) {
                // only the rollback of the deployment that verified it reopens a verified item
                Deployment verifier = before.deployments().get(item.verifiedBy());
                if (verifier == null || verifier.outcome() != Outcome.ROLLED_BACK) {
                    throw broken("itemId", e.itemId(), "is VERIFIED by " + item.verifiedBy() + ", which was not"
                            + " rolled back; only a RESOLVED item can be reopened, or a VERIFIED one whose verifying"
                            + " deployment was rolled back");
                }
            } else {
                rule("itemId", e.itemId(), () -> LifecycleRules.requireReopenable(item));
            }
        } else if (event instanceof ItemDropped e) {
            ActionItem item = item(before, e.itemId());
            text("reason", e.reason(), IncidentCommands.TEXT_MAX);
            rule("itemId", e.itemId(), () -> LifecycleRules.requireDroppable(item));
            rule("actor", e.actor(), () -> ItemCommands.refuseOwnBlockedRequest(before, policy, Actor.of(e.actor()),
                    item, "drop"));
        } else if (event instanceof TicketLinked e) {
            ActionItem item = item(before, e.itemId());
            present("ticket", e.ticket(), "the ticket linked");
            EventFields.ticket("ticket", e.ticket());
            rule("itemId", e.itemId(), () -> LifecycleRules.requireLinkable(item, e.ticket()));
        } else {
            throw new IllegalArgumentException("no rules for events of type " + event.getClass().getSimpleName());
        }
    }

    private static void added(RetroState before, ItemAdded e) {
        Incident incident = EventRules.incident(before, e.incidentId());
        nextId("itemId", e.itemId(), ItemCommands.nextItemId(before, incident.id()));
        line("title", e.title(), IncidentCommands.TITLE_MAX);
        present("priority", e.priority(), "one of P0, P1, P2");
        present("type", e.type(), "one of PREVENTATIVE, MITIGATIVE, OTHER");
        line("owner", e.owner(), 200);
        EventFields.ticket("ticket", e.ticket());
        present("services", e.services().isEmpty() ? null : e.services(), "at least one guarded service");
        for (String service : e.services()) {
            EventFields.guardedName("services", service);
        }
        if (new LinkedHashSet<>(e.services()).size() != e.services().size()) {
            throw broken("services", e.services(), "names a service twice");
        }
    }

    private void resolved(RetroState before, ItemResolved e) {
        ActionItem item = item(before, e.itemId());
        rule("itemId", e.itemId(), () -> LifecycleRules.requireResolvable(item));
        present("resolution", e.resolution(), "one of MANUAL, TRACKER, DEPLOYMENT");
        optionalText("fix", e.fix(), 500);
        if (e.resolution() == Resolution.DEPLOYMENT) {
            Deployment deployment = EventRules.deployment(before, e.deploymentId());
            if (!LifecycleRules.resolvesByCarrying(deployment, item)) {
                throw broken("deploymentId", e.deploymentId(), "does not resolve " + item.id() + ": only a successful"
                        + " production deployment of a service the item guards, whose change set names it, does");
            }
            return;
        }
        if (e.deploymentId() != null) {
            throw broken("deploymentId", e.deploymentId(), "is set, but only a resolution by DEPLOYMENT names one");
        }
        if (e.resolution() == Resolution.MANUAL) {
            rule("actor", e.actor(), () -> ItemCommands.refuseOwnBlockedRequest(before, policy, Actor.of(e.actor()),
                    item, "resolve"));
        }
    }

    private static void verified(RetroState before, ItemVerified e) {
        ActionItem item = item(before, e.itemId());
        Deployment deployment = EventRules.deployment(before, e.deploymentId());
        if (LifecycleRules.proves(deployment, item)) {
            return;
        }
        String why;
        if (item.status() != ItemStatus.RESOLVED) {
            why = "cannot verify " + item.id() + ", which is " + item.status() + ": only a RESOLVED item is verified";
        } else if (!deployment.production() || deployment.outcome() != Outcome.SUCCEEDED) {
            why = "is not a successful production deployment (" + (deployment.production() ? "" : "not production, ")
                    + (deployment.outcome() == null ? "still running" : deployment.outcome()) + ")";
        } else if (!item.guards(deployment.service())) {
            why = "deployed " + deployment.service() + ", which " + item.id() + " does not guard";
        } else {
            why = "started at " + deployment.startedAt() + ", before " + item.id() + " was resolved at "
                    + item.resolvedAt() + ", and does not carry its fix";
        }
        throw broken("deploymentId", e.deploymentId(), why + "; only a successful production deployment that"
                + " started after the resolution, or carried the fix, verifies an item");
    }

    private static ActionItem item(RetroState state, String id) {
        ActionItem item = id == null ? null : state.items().get(id);
        if (item == null) {
            throw broken("itemId", id, "names no action item an earlier event added");
        }
        return item;
    }
}
