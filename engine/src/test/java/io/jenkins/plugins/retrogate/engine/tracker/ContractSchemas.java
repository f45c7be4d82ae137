package io.jenkins.plugins.retrogate.engine.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks JSON against the vendor API excerpts under {@code tracker/openapi/}. */
final class ContractSchemas {
    private static final String BASE = "https://retro-gate.invalid/openapi/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:tracker/openapi/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The validation errors of {@code json} against excerpt {@code name} (e.g. {@code jira/search-jql.request.json}). */
    static Set<ValidationMessage> errors(String name, JsonNode json) {
        JsonSchema schema = CACHE.computeIfAbsent(name, n -> FACTORY.getSchema(SchemaLocation.of(BASE + n), CONFIG));
        return schema.validate(json);
    }

    static void assertConforms(String name, JsonNode json) {
        assertThat(errors(name, json)).as("%s against %s", json, name).isEmpty();
    }
}
