package io.jenkins.plugins.retrogate.engine.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one configured JSON mapper of the engine (thread-safe), for every part that reads or writes
 * JSON: the event form of the store, the tracker clients, the tracker's sync state. Instants are
 * ISO-8601 strings, absent values are left out, and reading is strict: an unknown key or a null for a
 * primitive is an error, never ignored.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    /** The shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A value of plain maps, lists, strings, numbers and booleans as a JSON tree that keeps its nulls:
     * a view whose documented keys are always present ({@code "override": null}), unlike stored JSON.
     */
    public static JsonNode treeWithNulls(Object plain) {
        return WithNulls.MAPPER.valueToTree(plain);
    }

    /** Made on first use: only views need it. */
    private static final class WithNulls {
        static final ObjectMapper MAPPER = Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }
}
