package io.jenkins.plugins.retrogate.engine.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.model.CanonicalTime;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads an event in the plain form the stores write ({@link EventJson}: the type key first, then the
 * record's components by name, instants and dates as ISO-8601 text, absent values left out) with
 * Jackson's streaming parser alone. Making the data-binding mapper and its per-type readers is most of
 * what a short command spends on a small store, and reading each event through them costs more than
 * this on a large one.
 *
 * <p>It only ever answers what {@link EventJson}'s mapper answers: anything but the plain form (a key
 * it does not know, a value of another kind, a null for a primitive, a repeated key, instants written
 * another way, a record that refuses its values...) makes it answer {@code null}, and the caller reads the
 * event with the mapper, which gives the same event or the error naming the problem
 * ({@code PlainEventReaderTest} holds the two to the same answers).
 */
public final class PlainEventReader {
    /** The streaming factory of both plain readers and writers of events ({@link PlainEventWriter}). */
    static final JsonFactory JSON = JsonFactory.builder().build();
    private static final Map<String, Class<? extends Event>> TYPES = EventTypes.byName();
    /** Each record type's shape, made on first use; a type it cannot read is held as {@link #UNREADABLE}. */
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    private static final Shape UNREADABLE = new Shape(null, Map.of(), new Reader[0], new boolean[0]);

    private PlainEventReader() {
    }

    /** The event in {@code length} bytes from {@code start}; {@code null} when only the mapper may say. */
    public static Event read(byte[] bytes, int start, int length) {
        try (JsonParser parser = JSON.createParser(bytes, start, length)) {
            return read(parser);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            return null; // the mapper reads it again, and names what is wrong if anything is
        }
    }

    /** The event in {@code json}; {@code null} when only the mapper may say. */
    public static Event read(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            return read(parser);
        } catch (IOException | ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Event read(JsonParser parser) throws IOException, ReflectiveOperationException {
        if (parser.nextToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME
                || !EventJson.TYPE_KEY.equals(parser.currentName()) || parser.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        Class<? extends Event> type = TYPES.get(parser.getText());
        if (type == null) {
            return null;
        }
        Object event = shape(type).fields(parser);
        return event != null && parser.nextToken() == null ? type.cast(event) : null;
    }

    private static Shape shape(Class<?> type) {
        Shape known = SHAPES.get(type);
        if (known == null) {
            known = Shape.of(type);
            SHAPES.put(type, known);
        }
        return known;
    }

    /** Reads one value at the parser's current token; {@code null} result means JSON null. */
    private interface Reader {
        Object read(JsonParser parser) throws IOException, ReflectiveOperationException;
    }

    /** Thrown where the plain form ends: the mapper must say. */
    private static final class NotPlain extends IOException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** A record type: its components by name, how each is read, and its canonical constructor. */
    private static final class Shape {
        private final Constructor<?> constructor;
        private final Map<String, Integer> index;
        private final Reader[] readers;
        private final boolean[] primitive;

        Shape(Constructor<?> constructor, Map<String, Integer> index, Reader[] readers, boolean[] primitive) {
            this.constructor = constructor;
            this.index = index;
            this.readers = readers;
            this.primitive = primitive;
        }

        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return UNREADABLE;
            }
            Class<?>[] types = new Class<?>[components.length];
            Reader[] readers = new Reader[components.length];
            boolean[] primitive = new boolean[components.length];
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                readers[i] = reader(components[i].getGenericType());
                if (readers[i] == null) {
                    return UNREADABLE;
                }
                primitive[i] = types[i].isPrimitive();
                index.put(components[i].getName(), i);
            }
            try {
                return new Shape(type.getDeclaredConstructor(types), index, readers, primitive);
            } catch (NoSuchMethodException | SecurityException e) {
                return UNREADABLE;
            }
        }

        /** Reads the fields up to the object's end (the parser is before the first field name). */
        Object fields(JsonParser parser) throws IOException, ReflectiveOperationException {
            if (constructor == null) {
                throw new NotPlain();
            }
            Object[] values = new Object[readers.length];
            boolean[] seen = new boolean[readers.length];
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                Integer i = index.get(parser.currentName());
                if (i == null || seen[i]) {
                    throw new NotPlain();
                }
                seen[i] = true;
                parser.nextToken();
                values[i] = readers[i].read(parser);
                if (values[i] == null && primitive[i]) {
                    throw new NotPlain();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new NotPlain();
            }
            for (int i = 0; i < readers.length; i++) {
                if (!seen[i] && primitive[i]) {
                    throw new NotPlain();
                }
            }
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new NotPlain(); // the record refuses the values: the mapper names why
            }
        }
    }

    /** How a component of this type is read; {@code null} for a type the plain form does not cover. */
    private static Reader reader(Type type) {
        if (type == String.class) {
            return parser -> parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : nullOnly(parser);
        }
        if (type == Instant.class) {
            return canonical(CanonicalTime::instant, Instant::parse);
        }
        if (type == LocalDate.class) {
            return canonical(CanonicalTime::date, LocalDate::parse);
        }
        if (type == boolean.class || type == Boolean.class) {
            return parser -> switch (parser.currentToken()) {
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                default -> nullOnly(parser);
            };
        }
        if (type == int.class || type == Integer.class) {
            return parser -> parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue() : nullOnly(parser);
        }
        if (type == long.class || type == Long.class) {
            return parser -> parser.currentToken() == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER ? parser.getLongValue() : nullOnly(parser);
        }
        if (type instanceof Class<?> plain && plain.isEnum()) {
            Map<String, Object> constants = new HashMap<>();
            for (Object constant : plain.getEnumConstants()) {
                constants.put(((Enum<?>) constant).name(), constant);
            }
            return parser -> {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    return nullOnly(parser);
                }
                Object constant = constants.get(parser.getText());
                return constant != null ? constant : notPlain();
            };
        }
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return parser -> parser.currentToken() == JsonToken.START_OBJECT ? shape(plain).fields(parser)
                    : nullOnly(parser);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class
                && generic.getActualTypeArguments()[0] == String.class) {
            return PlainEventReader::texts;
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class
                && generic.getActualTypeArguments()[0] == String.class
                && generic.getActualTypeArguments()[1] == Integer.class) {
            return PlainEventReader::numbersByName;
        }
        return null;
    }

    /**
     * A value written as its canonical text, as the mapper writes instants and dates: read by
     * {@code quick} (without java.time's formatter, whose set-up costs a short command start-up), else by
     * {@code parse} and kept only when it writes back as the same text; any other spelling is the
     * mapper's to read.
     */
    private static Reader canonical(Function<String, ?> quick, Function<String, ?> parse) {
        return parser -> {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return nullOnly(parser);
            }
            String text = parser.getText();
            Object value = quick.apply(text);
            if (value != null) {
                return value;
            }
            value = parse.apply(text);
            return value.toString().equals(text) ? value : notPlain();
        };
    }

    private static Object texts(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return nullOnly(parser);
        }
        List<String> texts = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
            texts.add(parser.getText());
        }
        if (token != JsonToken.END_ARRAY) {
            throw new NotPlain();
        }
        return texts;
    }

    private static Object numbersByName(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            return nullOnly(parser);
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                    || numbers.put(name, parser.getIntValue()) != null) {
                throw new NotPlain();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new NotPlain();
        }
        return numbers;
    }

    /** A JSON null reads as null; any other value where this one was expected is not the plain form. */
    private static Object nullOnly(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        throw new NotPlain();
    }

    private static Object notPlain() throws IOException {
        throw new NotPlain();
    }
}
