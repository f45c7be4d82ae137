package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of events answers exactly what the data-binding mapper answers, or leaves the
 * event to it: every event the stores write reads back the same without the mapper, and no change to
 * such an event (a key dropped, added or repeated, a value of another kind) makes the two disagree.
 */
class PlainEventReaderTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 600)
    void everyEventAsWrittenReadsBackWithoutTheMapper(@ForAll("events") Event event) {
        String json = EventJson.write(event);

        Event plain = PlainEventReader.read(json);

        assertThat(plain).as(json).isEqualTo(event).isEqualTo(mapperRead(json).orElseThrow());
        Statistics.collect(EventTypes.nameOf(event));
        Statistics.coverage(checker -> EventTypes.byName().keySet()
                .forEach(type -> checker.check(type).count(n -> n > 0)));
    }

    @Property(tries = 1500)
    void aChangedEventReadsAsTheMapperReadsItOrIsLeftToIt(@ForAll("events") Event event,
            @ForAll("changes") Change change) {
        ObjectNode tree = EventJson.toTree(event);
        change.apply(tree);
        String json = tree.toString();

        Event plain = PlainEventReader.read(json);

        if (plain != null) {
            assertThat(mapperRead(json)).as(json).contains(plain);
        }
        // both answers must occur, or the property says nothing
        Statistics.collect(plain != null);
        Statistics.coverage(checker -> {
            checker.check(true).percentage(p -> p > 10);
            checker.check(false).percentage(p -> p > 10);
        });
    }

    @Test
    void onlyThePlainFormIsReadWithoutTheMapper() {
        String plain = "{\"event\":\"item-verified\",\"at\":\"2026-11-02T09:00:00Z\",\"actor\":\"alice\","
                + "\"itemId\":\"INC-1-A1\",\"deploymentId\":\"DEP-2\"}";

        assertThat(PlainEventReader.read(plain)).isEqualTo(mapperRead(plain).orElseThrow());
        // the mapper takes instants written with an offset, or as numbers, and keys in another order
        for (String other : List.of(plain.replace("09:00:00Z", "10:00:00+01:00"),
                plain.replace("\"2026-11-02T09:00:00Z\"", "1793610000"),
                "{\"at\":\"2026-11-02T09:00:00Z\",\"event\":\"item-verified\",\"actor\":\"alice\","
                        + "\"itemId\":\"INC-1-A1\",\"deploymentId\":\"DEP-2\"}",
                plain.replace("\"actor\":\"alice\"", "\"actor\":\"alice\",\"actor\":\"bob\""),
                plain.replace("}", ",\"unknown\":1}"),
                plain + " {}")) {
            assertThat(PlainEventReader.read(other)).as(other).isNull();
        }
    }

    /** What the mapper alone reads, or empty when it refuses the JSON. */
    private static Optional<Event> mapperRead(String json) {
        try {
            return Optional.of(EventJson.fromTree(EventJson.mapper().readTree(json)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Provide
    Arbitrary<Event> events() {
        return anyEvent();
    }

    /** Events of every type, with values of every kind their components take (PlainEventWriterTest too). */
    static Arbitrary<Event> anyEvent() {
        List<Arbitrary<Event>> each = new ArrayList<>();
        for (Class<? extends Event> type : EventTypes.byName().values()) {
            each.add(record(type).map(type::cast));
        }
        return Arbitraries.oneOf(each);
    }

    /** Instances of a record type with values of every kind its components take, as far as it accepts them. */
    private static Arbitrary<Object> record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Arbitrary<Object>> values = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Arbitrary<Object> value = value(components[i].getGenericType());
            values.add(types[i].isPrimitive() ? value : Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, value), net.jqwik.api.Tuple.of(1, Arbitraries.just(null))));
        }
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        return Combinators.combine(values).as(args -> construct(constructor, args)).filter(Optional::isPresent)
                .map(Optional::get);
    }

    private static Optional<Object> construct(Constructor<?> constructor, List<Object> args) {
        try {
            return Optional.of(constructor.newInstance(args.toArray()));
        } catch (InvocationTargetException e) {
            return Optional.empty(); // values the record refuses
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(e.getMessage(), e);
        }
    }

    private static Arbitrary<Object> value(Type type) {
        if (type == String.class) {
            return Arbitraries.oneOf(Arbitraries.of("INC-1", "DEP-2", "OVR-3", "REQ-4", "INC-1-A1", "PAY-12", "#7",
                    "owner/repo#8", "checkout-api", "production", "https://ci/job/8/", "", " ",
                    "\"quoted\" \\ back\u00e9 \u2192 \ud83d\ude80\n\t\u0000"),
                    Arbitraries.strings().ofMaxLength(12)).map(Object.class::cast);
        }
        if (type == Instant.class) {
            return Arbitraries.longs().between(0, 4_102_444_800_000L).flatMap(millis -> Arbitraries.of(
                    Instant.ofEpochMilli(millis), Instant.ofEpochSecond(millis / 1000),
                    Instant.ofEpochSecond(millis / 1000, 123_456_789)));
        }
        if (type == LocalDate.class) {
            return Arbitraries.longs().between(0, 40_000).map(LocalDate::ofEpochDay);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Arbitraries.of(true, false);
        }
        if (type == int.class || type == Integer.class) {
            return Arbitraries.oneOf(Arbitraries.integers().between(-3, 12), Arbitraries.integers()).map(Object.class::cast);
        }
        if (type == long.class || type == Long.class) {
            return Arbitraries.oneOf(Arbitraries.longs().between(0, 12), Arbitraries.longs()).map(Object.class::cast);
        }
        if (type instanceof Class<?> plain && plain.isEnum()) {
            return Arbitraries.of(plain.getEnumConstants());
        }
        if (type instanceof Class<?> plain && plain.isRecord()) {
            return record(plain);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return value(generic.getActualTypeArguments()[0]).list().ofMaxSize(3).map(Object.class::cast);
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Map.class) {
            return Arbitraries.maps(value(generic.getActualTypeArguments()[0]), value(generic.getActualTypeArguments()[1]))
                    .ofMaxSize(3).map(Object.class::cast);
        }
        throw new AssertionError("a component of a type the test does not make: " + type);
    }

    /** A change to an event's JSON tree: one key dropped, added, repeated or given a value of another kind. */
    @FunctionalInterface
    interface Change {
        void apply(ObjectNode event);
    }

    @Provide
    Arbitrary<Change> changes() {
        Arbitrary<JsonNode> values = Arbitraries.of(NODES.nullNode(), NODES.numberNode(7), NODES.numberNode(3_000_000_000L),
                NODES.numberNode(1.5), NODES.booleanNode(true), NODES.textNode(""), NODES.textNode("P0"),
                NODES.textNode("2026-11-02T09:00:00Z"), NODES.textNode("2026-11-02"), NODES.textNode("x"),
                NODES.arrayNode(), NODES.arrayNode().add("a").add(NODES.nullNode()), NODES.objectNode(),
                NODES.objectNode().put("a", 1));
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 40);
        return Arbitraries.oneOf(
                which.map(i -> event -> remove(event, i)),
                Combinators.combine(which, values).as((i, value) -> event -> replace(event, i, value)),
                values.map(value -> event -> event.set("unexpected", value)),
                Combinators.combine(which, values).as((i, value) -> event -> nested(event, i, value)));
    }

    private static void remove(ObjectNode event, int i) {
        Iterator<String> names = event.fieldNames();
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        event.remove(all.get(i % all.size()));
    }

    private static void replace(ObjectNode event, int i, JsonNode value) {
        List<String> all = new ArrayList<>();
        event.fieldNames().forEachRemaining(all::add);
        event.set(all.get(i % all.size()), value);
    }

    /** Changes a value inside a component that is itself an object or a list. */
    private static void nested(ObjectNode event, int i, JsonNode value) {
        List<JsonNode> inner = new ArrayList<>();
        event.elements().forEachRemaining(node -> {
            if (node.isContainerNode() && !node.isEmpty()) {
                inner.add(node);
            }
        });
        if (inner.isEmpty()) {
            replace(event, i, value);
            return;
        }
        JsonNode target = inner.get(i % inner.size());
        if (target instanceof ObjectNode object) {
            replace(object, i, value);
        } else {
            ((ArrayNode) target).set(i % target.size(), value);
        }
    }
}
