package io.jenkins.plugins.retrogate.engine.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import java.io.IOException;
import java.util.Map;

/**
 * Reads the event JSON of a record with {@link EventJson}'s mapper and rules (strict, unknown
 * type or key is an error), straight from the record's bytes and without copying the tree.
 */
final class EventDecoder {
    private static final ObjectMapper MAPPER = EventJson.mapper();
    private static final Map<String, Class<? extends Event>> TYPES = EventTypes.byName();

    private EventDecoder() {
    }

    static Event decode(RecordFormat.Decoded record) throws IOException {
        JsonNode node = MAPPER.readTree(record.bytes(), record.eventStart(), record.eventEnd() - record.eventStart());
        if (node == null || !node.isObject() || !node.path(EventJson.TYPE_KEY).isTextual()) {
            throw new IOException("an event must be a JSON object with a text '" + EventJson.TYPE_KEY + "'");
        }
        String type = node.get(EventJson.TYPE_KEY).asText();
        Class<? extends Event> eventClass = TYPES.get(type);
        if (eventClass == null) {
            throw new IOException("unknown event type '" + type + "'");
        }
        ((ObjectNode) node).remove(EventJson.TYPE_KEY);
        try {
            return MAPPER.treeToValue(node, eventClass);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new IOException("event of type '" + type + "' is malformed: " + e.getMessage(), e);
        }
    }
}
