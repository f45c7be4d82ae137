package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.retrogate.engine.model.BuildDecision;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the sections of records a snapshot writes with the data-binding mapper ({@code overrides},
 * {@code requests}, {@code gateDecisions}, {@code approvals}: JSON objects named as the records'
 * components, absent values left out, instants as {@link SnapshotInstants} writes them) with the
 * streaming parser alone, as strictly as the mapper would: an unknown field, a value of the wrong
 * kind or one the record refuses is an {@link IOException} naming the section. Making the mapper
 * takes 0.2 s in a new JVM, longer than reading everything else a gate needs.
 */
final class SnapshotRecords {
    private SnapshotRecords() {
    }

    /** One record's fields as the parser gave them: text, whole numbers, lists of text, or null. */
    private static final class Fields {
        private final String section;
        private final Map<String, Object> values;

        Fields(String section, Map<String, Object> values) {
            this.section = section;
            this.values = values;
        }

        String text(String name) throws IOException {
            Object value = values.get(name);
            if (value != null && !(value instanceof String)) {
                throw wrong(name, "text");
            }
            return (String) value;
        }

        Instant instant(String name) throws IOException {
            Object value = values.get(name);
            if (value == null) {
                return null;
            }
            if (value instanceof String text) {
                return Instant.parse(text);
            }
            if (value instanceof Long nanos) {
                return SnapshotInstants.ofNanos(nanos);
            }
            if (value instanceof BigInteger big) {
                return SnapshotInstants.ofNanos(big);
            }
            throw wrong(name, "an instant");
        }

        int number(String name) throws IOException {
            Object value = values.get(name);
            if (!(value instanceof Long number) || number != number.intValue()) {
                throw wrong(name, "a whole number");
            }
            return number.intValue();
        }

        @SuppressWarnings("unchecked")
        List<String> texts(String name) throws IOException {
            Object value = values.get(name);
            if (value != null && !(value instanceof List)) {
                throw wrong(name, "a list of text");
            }
            return (List<String>) value;
        }

        <E extends Enum<E>> E constant(String name, Class<E> type) throws IOException {
            String value = text(name);
            try {
                return value == null ? null : Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new IOException("section '" + section + "': '" + value + "' is not a " + type.getSimpleName());
            }
        }

        private IOException wrong(String name, String kind) {
            return new IOException("section '" + section + "': field '" + name + "' is not " + kind);
        }
    }

    /** Builds a record from its fields. */
    private interface Maker<T> {
        T make(Fields fields) throws IOException;
    }

    static List<OverrideApproval> overrides(JsonParser p, String section) throws IOException {
        return read(p, section, Set.of("id", "scope", "service", "environment", "buildUrl", "requestedBy",
                "approvedBy", "reason", "approvedAt", "expiresAt", "requestIds", "approvers"),
                f -> new OverrideApproval(f.text("id"), f.constant("scope", OverrideScope.class), f.text("service"),
                        f.text("environment"), f.text("buildUrl"), f.text("requestedBy"), f.text("approvedBy"),
                        f.text("reason"), f.instant("approvedAt"), f.instant("expiresAt"), f.texts("requestIds"),
                        f.texts("approvers")));
    }

    static List<OverrideRequest> requests(JsonParser p, String section) throws IOException {
        return read(p, section, Set.of("id", "service", "environment", "buildUrl", "requestedBy", "requestedAt",
                "blockingItems", "status", "decidedBy", "decidedAt", "reason", "overrideId"),
                f -> new OverrideRequest(f.text("id"), f.text("service"), f.text("environment"), f.text("buildUrl"),
                        f.text("requestedBy"), f.instant("requestedAt"), f.texts("blockingItems"),
                        f.constant("status", RequestStatus.class), f.text("decidedBy"), f.instant("decidedAt"),
                        f.text("reason"), f.text("overrideId")));
    }

    static List<BuildDecision> decisions(JsonParser p, String section) throws IOException {
        return read(p, section, Set.of("service", "environment", "buildUrl", "decision", "requestedBy", "at",
                "overrideId", "requestId"),
                f -> new BuildDecision(f.text("service"), f.text("environment"), f.text("buildUrl"),
                        f.constant("decision", Decision.class), f.text("requestedBy"), f.instant("at"),
                        f.text("overrideId"), f.text("requestId")));
    }

    static List<PartialApproval> approvals(JsonParser p, String section) throws IOException {
        return read(p, section, Set.of("service", "environment", "buildUrl", "approver", "at", "reason", "required",
                "requestIds"),
                f -> new PartialApproval(f.text("service"), f.text("environment"), f.text("buildUrl"),
                        f.text("approver"), f.instant("at"), f.text("reason"), f.number("required"),
                        f.texts("requestIds")));
    }

    private static <T> List<T> read(JsonParser p, String section, Set<String> known, Maker<T> maker)
            throws IOException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw new IOException("section '" + section + "' is not an array");
        }
        List<T> records = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, Object> values = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!known.contains(name)) {
                    throw new IOException("section '" + section + "' holds an unknown field '" + name + "'");
                }
                values.put(name, value(p, section, name));
            }
            try {
                records.add(maker.make(new Fields(section, values)));
            } catch (RuntimeException e) { // a record refusing a value: not what was written
                throw new IOException("section '" + section + "' holds an invalid entry: " + e.getMessage(), e);
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
            throw new IOException("section '" + section + "' holds something other than its records");
        }
        return records;
    }

    private static Object value(JsonParser p, String section, String name) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.START_ARRAY) {
            List<String> texts = new ArrayList<>();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                texts.add(p.getText());
            }
            if (p.currentToken() != JsonToken.END_ARRAY) {
                throw new IOException("section '" + section + "': field '" + name + "' holds something other than"
                        + " text");
            }
            return texts;
        }
        throw new IOException("section '" + section + "': field '" + name + "' holds " + token);
    }
}
