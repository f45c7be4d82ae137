package io.jenkins.plugins.retrogate.engine.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.event.Backdatable;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.GateDecided;
import io.jenkins.plugins.retrogate.engine.event.IdsReserved;
import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.RetroAnswersRecorded;
import io.jenkins.plugins.retrogate.engine.json.Json;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JSON form of events: an object whose {@code event} key names the event's type (see
 * {@link EventTypes}) and whose other keys are the event's components. Instants are ISO-8601 UTC strings, absent
 * values are left out. Reading is strict: an unknown type or key is an error, never ignored.
 */
public final class EventJson {
    /**
     * The newest version of this JSON form, the one this Retro Gate reads up to; a journal records
     * each event's version with it (see {@link #versionOf(Event)}). Version 2 added {@code happenedAt}
     * (a fact recorded after it happened, see {@link Backdatable}), the {@code ids-reserved} and
     * {@code gate-decided} events, and the gate's fields of {@code deployment-started} ({@code gate},
     * {@code overrideId}, {@code bypass}); version 1 events read as they are, without them. An older
     * Retro Gate meeting a version-2 record says to upgrade instead of taking it for damage. Version 3
     * added the {@code notification-failed} and {@code retro-answers-recorded} events. Version 4 added
     * the {@code override-approval-given} event and the {@code approvers} of {@code override-approved}
     * (an override that needed several approvers).
     */
    public static final int FORMAT_VERSION = 4;
    private static final Map<String, Class<? extends Event>> TYPES = EventTypes.byName();
    /** The key naming an event's type; no event has a component of that name. */
    public static final String TYPE_KEY = "event";

    private EventJson() {
    }

    /**
     * The oldest version of this JSON form that holds {@code event}: 2 when it records a fact after
     * it happened, is of a type version 2 added ({@code ids-reserved}, {@code gate-decided}) or is a
     * deployment that carries what the gate said of it ({@code gate}), else 1 — so that a Retro Gate
     * too old to know them refuses such an event as newer than it reads (and its repair leaves it
     * alone) instead of calling it corrupt, and still reads every other event.
     */
    public static int versionOf(Event event) {
        if (event instanceof OverrideApprovalGiven || (event instanceof OverrideApproved approved
                && approved.approvers() != null)) {
            return 4;
        }
        if (event instanceof NotificationFailed || event instanceof RetroAnswersRecorded) {
            return 3;
        }
        if (event instanceof IdsReserved || event instanceof GateDecided) {
            return 2;
        }
        if (event instanceof DeploymentStarted started
                && (started.gate() != null || started.overrideId() != null || started.bypass() != null)) {
            return 2;
        }
        return event instanceof Backdatable dated && dated.happenedAt() != null ? 2 : 1;
    }

    /** The shared, configured mapper (thread-safe). */
    public static ObjectMapper mapper() {
        return Json.mapper();
    }

    public static ObjectNode toTree(Event event) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put(TYPE_KEY, EventTypes.nameOf(event));
        node.setAll((ObjectNode) Json.mapper().valueToTree(event));
        return node;
    }

    public static String write(Event event) {
        String plain = PlainEventWriter.text(event);
        return plain != null ? plain : writeWithMapper(event);
    }

    /**
     * The event's JSON in UTF-8 as a store hashes and keeps it: {@link #write}'s JSON, with characters
     * beyond the Basic Multilingual Plane escaped as surrogate pairs ({@code \\uD83D\\uDE80}), as the journal
     * has always written them. Every backend records these bytes, so a store moved from one to another
     * keeps every hash.
     */
    public static byte[] bytes(Event event) {
        byte[] plain = PlainEventWriter.bytes(event);
        if (plain != null) {
            return plain;
        }
        try {
            return Json.mapper().writeValueAsBytes(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event, e);
        }
    }

    /** As {@link #write}, with the data-binding mapper alone. */
    static String writeWithMapper(Event event) {
        try {
            return Json.mapper().writeValueAsString(toTree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event, e);
        }
    }

    /** Reads an event; fails with a message naming the type or key that is wrong. */
    public static Event fromTree(JsonNode node) {
        if (node == null || !node.isObject() || !node.path(TYPE_KEY).isTextual()) {
            throw new IllegalArgumentException("an event must be a JSON object with a text '" + TYPE_KEY + "'");
        }
        String type = node.get(TYPE_KEY).asText();
        Class<? extends Event> eventClass = TYPES.get(type);
        if (eventClass == null) {
            throw new IllegalArgumentException("unknown event type '" + type + "'; known types: " + TYPES.keySet());
        }
        ObjectNode fields = ((ObjectNode) node).deepCopy();
        fields.remove(TYPE_KEY);
        try {
            return Json.mapper().treeToValue(fields, eventClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("event of type '" + type + "' is malformed: " + problem(e), e);
        }
    }

    /**
     * What is wrong in an event, for a message: a value that is not one of an enum's constants names
     * its field, the value and the allowed constants ({@code decision 'MAYBE' is not one of ALLOW, WARN,
     * BLOCK, OVERRIDDEN}); anything else is the reader's own message.
     */
    public static String problem(Exception e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum() && !invalid.getPath().isEmpty()) {
            String field = invalid.getPath().get(invalid.getPath().size() - 1).getFieldName();
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return field + " '" + invalid.getValue() + "' is not one of " + allowed;
        }
        return e.getMessage();
    }

    public static Event read(String json) {
        Event plain = PlainEventReader.read(json);
        if (plain != null) {
            return plain;
        }
        try {
            return fromTree(Json.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
