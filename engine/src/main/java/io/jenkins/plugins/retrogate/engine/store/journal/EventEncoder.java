package io.jenkins.plugins.retrogate.engine.store.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an event in {@link EventJson}'s form — {@code {"event":"<type>", <the record's fields>}} — as
 * the journal records it: {@link EventJson#bytes}, the same bytes every backend records (the plain form
 * written without the mapper, characters beyond the BMP escaped). {@link #encodeWithMapper} is the
 * mapper's own way, straight from the record to bytes; {@code EventEncoderTest} holds the two to the
 * same output.
 */
final class EventEncoder {
    private static final Map<Class<?>, ObjectWriter> WRITERS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, byte[]> PREFIXES = new ConcurrentHashMap<>();

    private EventEncoder() {
    }

    /** The event's bytes as every store records them ({@link EventJson#bytes}). */
    static byte[] encode(Event event) {
        return EventJson.bytes(event);
    }

    /** As {@link #encode}, with the data-binding mapper alone. */
    static byte[] encodeWithMapper(Event event) {
        Class<?> type = event.getClass();
        byte[] fields;
        try {
            fields = WRITERS.computeIfAbsent(type, t -> EventJson.mapper().writerFor(t)).writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event, e);
        }
        byte[] prefix = PREFIXES.computeIfAbsent(type, t -> ("{\"" + EventJson.TYPE_KEY + "\":\""
                + EventTypes.nameOf(event) + "\"").getBytes(StandardCharsets.UTF_8));
        if (fields.length < 2 || fields[0] != '{' || fields[fields.length - 1] != '}') {
            return EventJson.write(event).getBytes(StandardCharsets.UTF_8);
        }
        boolean empty = fields.length == 2;
        byte[] out = new byte[prefix.length + (empty ? 1 : fields.length)];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        if (empty) {
            out[prefix.length] = '}';
        } else {
            out[prefix.length] = ',';
            System.arraycopy(fields, 1, out, prefix.length + 1, fields.length - 1);
        }
        return out;
    }
}
