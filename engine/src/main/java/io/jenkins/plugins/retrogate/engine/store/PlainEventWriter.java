package io.jenkins.plugins.retrogate.engine.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.model.CanonicalTime;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an event in {@link EventJson}'s form — the type key first, then the record's components in
 * their order, absent values left out, instants and dates as ISO-8601 text — with Jackson's streaming
 * generator alone, byte for byte as the data-binding mapper writes it ({@code PlainEventWriterTest}
 * holds the two to the same bytes for every event type). Making the mapper and a writer per type costs
 * a short command more than everything else it records. A value this does not know how to write
 * makes it answer {@code null}, and the caller writes the event with the mapper.
 */
public final class PlainEventWriter {
    /** Each record type's components, made on first use; a type this cannot write maps to an empty array. */
    private static final Map<Class<?>, Component[]> COMPONENTS = new ConcurrentHashMap<>();
    private static final Component[] UNWRITABLE = new Component[0];

    private PlainEventWriter() {
    }

    /**
     * The event's JSON in UTF-8 as the mapper writes it to bytes (the journal's records: characters
     * outside the Basic Multilingual Plane escaped as surrogate pairs); {@code null} when only the
     * mapper may write it.
     */
    public static byte[] bytes(Event event) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(256)) {
            try (JsonGenerator generator = PlainEventReader.JSON.createGenerator(bytes)) {
                if (!event(generator, event)) {
                    return null;
                }
            }
            return bytes.toByteArray();
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            return null; // the mapper writes it, or says why it cannot
        }
    }

    /** The event's JSON as the mapper writes it to text ({@link EventJson#write}); {@code null} as above. */
    public static String text(Event event) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator generator = PlainEventReader.JSON.createGenerator(text)) {
            if (!event(generator, event)) {
                return null;
            }
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        return text.toString();
    }

    private static boolean event(JsonGenerator generator, Event event) throws IOException, ReflectiveOperationException {
        generator.writeStartObject();
        generator.writeStringField(EventJson.TYPE_KEY, EventTypes.nameOf(event));
        if (!fields(generator, event)) {
            return false;
        }
        generator.writeEndObject();
        return true;
    }

    /** Writes the record's components that are present; false when one is of a kind this does not write. */
    private static boolean fields(JsonGenerator generator, Object record) throws IOException, ReflectiveOperationException {
        Component[] components = components(record.getClass());
        if (components == UNWRITABLE) {
            return false;
        }
        for (Component component : components) {
            Object value = component.accessor.invoke(record);
            if (value != null) {
                generator.writeFieldName(component.name);
                if (!value(generator, component.type, value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean value(JsonGenerator generator, Type type, Object value)
            throws IOException, ReflectiveOperationException {
        if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Instant instant) {
            generator.writeString(CanonicalTime.text(instant));   // instant.toString(), without its formatter
        } else if (value instanceof LocalDate) {
            generator.writeString(value.toString());
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Enum<?> constant) {
            generator.writeString(constant.name());
        } else if (value instanceof Record) {
            generator.writeStartObject();
            if (!fields(generator, value)) {
                return false;
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list && elementsAre(type, 0, String.class)) {
            generator.writeStartArray();
            for (Object element : list) {
                if (element == null) {
                    return false;
                }
                generator.writeString((String) element);
            }
            generator.writeEndArray();
        } else if (value instanceof Map<?, ?> map && elementsAre(type, 0, String.class)
                && elementsAre(type, 1, Integer.class)) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null) {
                    return false;
                }
                generator.writeNumberField((String) entry.getKey(), (Integer) entry.getValue());
            }
            generator.writeEndObject();
        } else {
            return false;
        }
        return true;
    }

    private static boolean elementsAre(Type type, int argument, Class<?> element) {
        return type instanceof ParameterizedType generic && generic.getActualTypeArguments()[argument] == element;
    }

    private static Component[] components(Class<?> type) {
        Component[] known = COMPONENTS.get(type);
        if (known == null) {
            RecordComponent[] record = type.getRecordComponents();
            if (record == null) {
                known = UNWRITABLE;
            } else {
                known = new Component[record.length];
                for (int i = 0; i < record.length; i++) {
                    known[i] = new Component(record[i].getName(), record[i].getGenericType(), record[i].getAccessor());
                }
            }
            COMPONENTS.put(type, known);
        }
        return known;
    }

    /** A record component: its name, its declared type and its accessor. */
    private record Component(String name, Type type, Method accessor) {
    }
}
