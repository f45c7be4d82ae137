package io.jenkins.plugins.retrogate.engine.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.command.EventRules;
import io.jenkins.plugins.retrogate.engine.event.Backdatable;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequested;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a {@link StoreDocument} into an empty store. Everything is checked before anything is
 * recorded: the format version, every event (strict JSON form), that each event keeps the rules the
 * live commands enforce against the state the events before it fold into ({@link EventRules}: the
 * lifecycle's transitions, four eyes, only PENDING requests answered, verification only by a deployment
 * that proves the fix, one form for names and build URLs, text without control or bidirectional
 * characters, a fact recorded after it happened dated between what it belongs to and its recording),
 * that the events fold without naming anything unknown, and that the entity arrays agree
 * with the fold. Then the events are recorded through the store in one command, so the journal's
 * checksums and hash chain cover them like any other events. No file edit can mint what no command can.
 */
public final class StoreImport {
    static final Set<String> KEYS = Set.of("formatVersion", "eventFormatVersion", "exportedAt", "incidents", "items", "deployments",
            "overrides", "requests", "events");
    private static final List<String> ENTITY_ARRAYS = List.of("incidents", "items", "deployments", "overrides",
            "requests");

    private StoreImport() {
    }

    /** What an import records: the events and the state they fold into. */
    public record Plan(List<Event> events, RetroState state) {
        public Plan {
            events = List.copyOf(events);
        }
    }

    /** {@link #plan(JsonNode, GatePolicy)} under the default policy. */
    public static Plan plan(JsonNode document) {
        return plan(document, GatePolicy.defaults());
    }

    /**
     * Checks {@code document} completely and returns what importing it would record.
     *
     * @param policy the policy the rules that depend on one are checked under (four eyes)
     * @throws InvalidInputException naming the JSON path ({@code events[12].actor}, {@code items[3].status}),
     *                               the value and what is allowed; for a broken rule also the event's
     *                               sequence number and type
     */
    public static Plan plan(JsonNode document, GatePolicy policy) {
        if (document == null || !document.isObject()) {
            throw new InvalidInputException("document", document == null ? "" : show(document),
                    "is not a Retro Gate export: a JSON object with formatVersion, incidents, items, deployments, overrides and events");
        }
        for (Iterator<String> names = document.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new InvalidInputException(name, show(document.get(name)),
                        "is not a key of an export; the keys are " + String.join(", ", KEYS));
            }
        }
        JsonNode version = document.get("formatVersion");
        if (version == null || !version.isInt() || version.intValue() != StoreDocument.FORMAT_VERSION) {
            throw new InvalidInputException("formatVersion", version == null ? "" : version.toString(),
                    "is not supported: this version reads formatVersion " + StoreDocument.FORMAT_VERSION);
        }
        JsonNode eventVersion = document.get("eventFormatVersion");
        if (eventVersion != null && (!eventVersion.isInt() || eventVersion.intValue() < 1
                || eventVersion.intValue() > EventJson.FORMAT_VERSION)) {
            throw new InvalidInputException("eventFormatVersion", show(eventVersion),
                    "is not supported: this version reads events of format 1 to " + EventJson.FORMAT_VERSION);
        }
        JsonNode log = document.get("events");
        if (log == null || !log.isArray()) {
            throw new InvalidInputException("events", log == null ? "" : show(log),
                    "is missing: an import replays the export's event log, an array of events");
        }
        List<Event> events = new ArrayList<>(log.size());
        RetroState state = RetroState.empty();
        EventRules rules = new EventRules(policy);
        for (int i = 0; i < log.size(); i++) {
            String path = "events[" + i + "]";
            Event event;
            try {
                event = EventJson.fromTree(log.get(i));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(path, show(log.get(i)), "is not a valid event: " + e.getMessage());
            }
            if (event.at() == null || event.actor() == null || event.actor().isBlank()) {
                throw new InvalidInputException(path, show(log.get(i)), "needs 'at' and a non-empty 'actor'");
            }
            java.time.Instant happenedAt = event instanceof Backdatable dated ? dated.happenedAt() : null;
            if (happenedAt != null && happenedAt.isAfter(event.at())) {
                throw new InvalidInputException(path + ".happenedAt", happenedAt, "is after the event's 'at' ("
                        + event.at() + "): a fact is recorded when or after it happened, never before");
            }
            String twice = createdTwice(state, event);
            if (twice != null) {
                throw new InvalidInputException(path, show(log.get(i)),
                        "creates " + twice + ", which an earlier event already created");
            }
            try {
                rules.check(state, event);
            } catch (InvalidInputException e) {
                throw new InvalidInputException(path + "." + e.field(), e.value(), "(sequence " + (i + 1) + ", "
                        + EventTypes.nameOf(event) + ") breaks a rule of the live commands: " + e.allowed());
            }
            try {
                state = state.apply(i + 1L, event);
            } catch (RuntimeException e) {
                throw new InvalidInputException(path, show(log.get(i)),
                        "cannot follow the events before it: " + e.getMessage());
            }
            events.add(event);
        }
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        StoreDocument.entities(expected, state);
        for (String array : ENTITY_ARRAYS) {
            compare(array, document.get(array), expected.get(array));
        }
        return new Plan(events, state);
    }

    /**
     * Imports {@code document} into {@code store}, which must be empty; returns the plan recorded.
     *
     * @throws InvalidInputException when the document is wrong (nothing recorded)
     * @throws RefusedException      when the store already holds events (nothing recorded)
     */
    public static Plan into(Store store, JsonNode document) {
        return into(store, document, GatePolicy.defaults());
    }

    /** Imports {@code document} into the empty {@code store}, its rules checked under {@code policy}. */
    public static Plan into(Store store, JsonNode document, GatePolicy policy) {
        Plan plan = plan(document, policy);
        return store.execute(state -> {
            if (state.sequence() != 0) {
                throw new RefusedException("The store already holds " + state.sequence()
                        + " events; an import needs an empty store (use a new home, or export this one first)");
            }
            return Change.of(plan, plan.events());
        });
    }

    /** The entity array in the document must hold exactly what the events fold into. */
    private static void compare(String name, JsonNode actual, JsonNode expected) {
        if (actual == null) {
            if (expected.isEmpty()) {
                return;
            }
            throw new InvalidInputException(name, "", "is missing, but the event log holds " + expected.size());
        }
        if (!actual.isArray()) {
            throw new InvalidInputException(name, show(actual), "is not an array");
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        for (JsonNode node : expected) {
            byId.put(node.get("id").asText(), node);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < actual.size(); i++) {
            JsonNode node = actual.get(i);
            String path = name + "[" + i + "]";
            String id = node.path("id").asText("");
            JsonNode wanted = byId.get(id);
            if (wanted == null) {
                throw new InvalidInputException(path + ".id", id, "is not created by any event of the event log");
            }
            if (!seen.add(id)) {
                throw new InvalidInputException(path + ".id", id, "appears twice");
            }
            if (!node.equals(wanted)) {
                throw difference(path, node, wanted);
            }
        }
        for (String id : byId.keySet()) {
            if (!seen.contains(id)) {
                throw new InvalidInputException(name, id, "is missing from the array, but the event log creates it");
            }
        }
    }

    private static InvalidInputException difference(String path, JsonNode actual, JsonNode wanted) {
        Set<String> keys = new java.util.TreeSet<>();
        actual.fieldNames().forEachRemaining(keys::add);
        wanted.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            JsonNode a = actual.get(key);
            JsonNode w = wanted.get(key);
            if (a == null || w == null || !a.equals(w)) {
                return new InvalidInputException(path + "." + key, a == null ? "" : show(a),
                        w == null ? "is not a key of this object" : "does not match the event log, which gives " + show(w));
            }
        }
        return new InvalidInputException(path, show(actual), "does not match the event log");
    }

    /** The id an event would create a second time, or {@code null}. */
    private static String createdTwice(RetroState state, Event event) {
        String id = null;
        boolean exists = false;
        if (event instanceof IncidentOpened e) {
            id = e.incidentId();
            exists = state.incidents().containsKey(id);
        } else if (event instanceof ItemAdded e) {
            id = e.itemId();
            exists = state.items().containsKey(id);
        } else if (event instanceof DeploymentStarted e) {
            id = e.deploymentId();
            exists = state.deployments().containsKey(id);
        } else if (event instanceof OverrideRequested e) {
            id = e.requestId();
            exists = state.requests().containsKey(id);
        } else if (event instanceof OverrideApproved e) {
            id = e.overrideId();
            exists = state.overrides().containsKey(id);
        }
        return exists ? id : null;
    }

    private static String show(JsonNode value) {
        return abbreviate(value.isTextual() ? value.textValue() : value.toString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 119) + "…";
    }
}
