package io.jenkins.plugins.retrogate.engine.store.journal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.PlainEventReader;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the event JSON of a record with {@link EventJson}'s rules (strict: an unknown type or key is
 * an error), straight from the record's bytes. The plain form the store writes is read with the
 * streaming parser alone ({@link PlainEventReader}); anything else with {@link EventJson}'s mapper
 * (made only then), which names what is wrong. The mapper's usual path streams the event's fields into
 * its record class without building a tree; a hand-edited line with the keys in another order takes
 * the tree path.
 */
final class EventDecoder {
    private static final Map<String, Class<? extends Event>> TYPES = EventTypes.byName();
    /** Made on first use: a reader builds its type's deserializer, and a short command meets few types. */
    private static final Map<String, ObjectReader> READERS = new ConcurrentHashMap<>();

    private EventDecoder() {
    }

    static Event decode(RecordFormat.Decoded record) throws IOException {
        return decode(record.bytes(), record.eventStart(), record.eventEnd() - record.eventStart());
    }

    static Event decode(byte[] bytes, int start, int length) throws IOException {
        Event plain = PlainEventReader.read(bytes, start, length);
        return plain != null ? plain : decodeWithMapper(bytes, start, length);
    }

    /** As {@link #decode}, with the mapper alone. */
    static Event decodeWithMapper(byte[] bytes, int start, int length) throws IOException {
        ObjectMapper mapper = EventJson.mapper();
        String type = null;
        try (JsonParser parser = mapper.createParser(bytes, start, length)) {
            if (parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
                    && EventJson.TYPE_KEY.equals(parser.currentName())
                    && parser.nextToken() == JsonToken.VALUE_STRING) {
                type = parser.getText();
                Class<? extends Event> eventClass = TYPES.get(type);
                if (eventClass == null) {
                    throw new IOException("unknown event type '" + type + "'");
                }
                ObjectReader reader = READERS.computeIfAbsent(type, t -> mapper.readerFor(eventClass));
                if (parser.nextToken() != JsonToken.FIELD_NAME) {
                    throw new IOException("event of type '" + type + "' has no fields");
                }
                Event event = reader.readValue(parser);
                if (parser.nextToken() != null) {
                    throw new IOException("event of type '" + type + "' is followed by more JSON");
                }
                return event;
            }
        } catch (IOException | IllegalArgumentException e) {
            if (e.getClass() == IOException.class) {
                throw (IOException) e;
            }
            throw new IOException(type == null ? "the event is not valid JSON: " + e.getMessage()
                    : "event of type '" + type + "' is malformed: " + EventJson.problem(e), e);
        }
        return decodeTree(mapper, bytes, start, length);
    }

    private static Event decodeTree(ObjectMapper mapper, byte[] bytes, int start, int length) throws IOException {
        JsonNode node = mapper.readTree(bytes, start, length);
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
            return mapper.treeToValue(node, eventClass);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("event of type '" + type + "' is malformed: " + EventJson.problem(e), e);
        }
    }
}
