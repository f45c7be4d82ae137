package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.ItemDropped;
import io.jenkins.plugins.retrogate.engine.event.ItemReopened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.TicketLinked;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * The action-item lifecycle a person drives: add, resolve, reopen, drop. There is deliberately no
 * command that verifies: only a successful production deployment does ({@link DeploymentCommands}).
 */
final class ItemCommands {
    private ItemCommands() {
    }

    static Change<ActionItem> add(RetroState state, GatePolicy policy, Actor actor, NewActionItem input, Instant now) {
        Incident incident = IncidentCommands.existing(state, input.incidentId());
        String title = InvalidInputException.requireLine("title", input.title(), IncidentCommands.TITLE_MAX);
        if (policy.requireBlameFreeText()) {
            BlameWording.requireBlameFree("title", title);
        }
        if (input.priority() == null) {
            throw new InvalidInputException("priority", "", "is missing: one of P0, P1, P2");
        }
        if (input.type() == null) {
            throw new InvalidInputException("type", "", "is missing: one of PREVENTATIVE, MITIGATIVE, OTHER");
        }
        String owner = InvalidInputException.requireLine("owner", input.owner(), 200);
        Ticket ticket = input.ticket() == null || input.ticket().isBlank() ? null : Ticket.parse("ticket", input.ticket());
        List<String> services = input.services() == null || input.services().isEmpty() ? incident.affectedServices()
                : List.copyOf(new TreeSet<>(input.services().stream().map(s -> Names.guardedService("service", s)).toList()));
        String id = nextItemId(state, incident.id());
        ItemAdded added = new ItemAdded(now, actor.name(), id, incident.id(), title, input.priority(), input.type(),
                owner, ticket, services, input.due());
        return Change.of(state.apply(state.sequence() + 1, added).items().get(id), List.of(added));
    }

    /**
     * The id the next action item of an incident gets: the highest number so far or reserved by a repair,
     * plus one, not the count: an item a repair lost leaves a gap.
     */
    static String nextItemId(RetroState state, String incidentId) {
        return Ids.item(incidentId, state.highestItemNumber(incidentId) + 1);
    }

    static Change<ActionItem> resolve(RetroState state, GatePolicy policy, Actor actor, String rawId, String fix,
            Resolution how, Instant now) {
        ActionItem item = existing(state, rawId);
        LifecycleRules.requireResolvable(item);
        if (how == Resolution.MANUAL) { // a resolved item no longer blocks: by hand, that is an unblocking
            refuseOwnBlockedRequest(state, policy, actor, item, "resolve");
        }
        ItemResolved resolved = new ItemResolved(now, actor.name(), item.id(), how,
                InvalidInputException.optionalText("fix", fix, 500), null);
        return Change.of(state.apply(state.sequence() + 1, resolved).items().get(item.id()), List.of(resolved));
    }

    static Change<ActionItem> reopen(RetroState state, Actor actor, String rawId, String reason, Instant now) {
        ActionItem item = existing(state, rawId);
        String why = InvalidInputException.requireText("reason", reason, IncidentCommands.TEXT_MAX);
        LifecycleRules.requireReopenable(item);
        ItemReopened reopened = new ItemReopened(now, actor.name(), item.id(), why);
        return Change.of(state.apply(state.sequence() + 1, reopened).items().get(item.id()), List.of(reopened));
    }

    static Change<ActionItem> drop(RetroState state, GatePolicy policy, Actor actor, String rawId, String reason,
            Instant now) {
        ActionItem item = existing(state, rawId);
        String why = InvalidInputException.requireText("reason", reason, IncidentCommands.TEXT_MAX);
        LifecycleRules.requireDroppable(item);
        boolean blocking = policy.blocks(item);
        if (blocking && !actor.may(Permission.OVERRIDE)) {
            throw new RefusedException("Action item " + item.id() + " is a " + item.priority() + " "
                    + item.type().name().toLowerCase(java.util.Locale.ROOT)
                    + " item that blocks deployments; dropping it needs the Override permission, which "
                    + actor.name() + " does not have");
        }
        refuseOwnBlockedRequest(state, policy, actor, item, "drop");
        ItemDropped dropped = new ItemDropped(now, actor.name(), item.id(), why);
        return Change.of(state.apply(state.sequence() + 1, dropped).items().get(item.id()), List.of(dropped));
    }

    static Change<ActionItem> linkTicket(RetroState state, Actor actor, String rawId, Ticket ticket, Instant now) {
        ActionItem item = existing(state, rawId);
        if (ticket.equals(item.ticket())) {
            return Change.of(item, List.of());
        }
        LifecycleRules.requireLinkable(item, ticket);
        TicketLinked linked = new TicketLinked(now, actor.name(), item.id(), ticket);
        return Change.of(state.apply(state.sequence() + 1, linked).items().get(item.id()), List.of(linked));
    }

    /**
     * Four eyes on the other doors: whoever requested a deployment that {@code item} blocks, and that
     * still waits (its request is PENDING), may not unblock it by dropping or resolving the item by
     * hand — that would be approving their own override.
     */
    static void refuseOwnBlockedRequest(RetroState state, GatePolicy policy, Actor actor, ActionItem item,
            String what) {
        if (!policy.fourEyes() || !policy.blocks(item)) {
            return;
        }
        for (String requestId : state.pendingRequestByTarget().values()) {
            OverrideRequest request = state.requests().get(requestId);
            if (request.blockingItems().contains(item.id()) && Names.samePerson(actor.name(), request.requestedBy())) {
                throw new RefusedException("Four eyes: " + actor.name() + " requested the deployment that "
                        + item.id() + " blocks (" + request.id() + ") and may not " + what + " the item by hand;"
                        + " another person must");
            }
        }
    }

    static ActionItem existing(RetroState state, String rawId) {
        String id = Ids.parseItem("item", rawId);
        return state.item(id).orElseThrow(() -> new InvalidInputException("item", rawId, "does not exist"));
    }
}
