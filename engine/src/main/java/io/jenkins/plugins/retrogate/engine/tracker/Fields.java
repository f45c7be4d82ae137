package io.jenkins.plugins.retrogate.engine.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Strict reading of a tracker's JSON answer: every field we rely on must be there with the documented
 * type, or the read fails with a {@link TrackerException} naming the endpoint and the field path.
 * There are no silent defaults.
 */
final class Fields {
    /** Jira's timestamps: {@code 2021-01-17T12:34:00.000+0000}. */
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final String endpoint;

    Fields(String endpoint) {
        this.endpoint = endpoint;
    }

    String endpoint() {
        return endpoint;
    }

    JsonNode object(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw missing(path(path, name), node, "an object");
        }
        return node;
    }

    /** An object or JSON {@code null} (returned as {@code null}); absent is an error. */
    JsonNode nullableObject(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node != null && node.isNull()) {
            return null;
        }
        if (node == null || !node.isObject()) {
            throw missing(path(path, name), node, "an object or null");
        }
        return node;
    }

    JsonNode array(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isArray()) {
            throw missing(path(path, name), node, "an array");
        }
        return node;
    }

    String text(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw missing(path(path, name), node, "a non-empty string");
        }
        return node.asText();
    }

    /** A string or JSON {@code null}; absent is an error, because the vendor documents it as always present. */
    String nullableText(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node != null && node.isNull()) {
            return null;
        }
        if (node == null || !node.isTextual()) {
            throw missing(path(path, name), node, "a string or null");
        }
        return node.asText();
    }

    /** A string that may be absent or null (the vendor marks it optional). */
    String optionalText(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw missing(path(path, name), node, "a string when present");
        }
        return node.asText();
    }

    long integer(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isIntegralNumber()) {
            throw missing(path(path, name), node, "an integer");
        }
        return node.asLong();
    }

    boolean bool(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isBoolean()) {
            throw missing(path(path, name), node, "a boolean");
        }
        return node.asBoolean();
    }

    /** An ISO-8601 time with offset ({@code 2011-04-22T13:33:48Z}). */
    Instant isoTime(JsonNode parent, String path, String name) {
        String text = text(parent, path, name);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw TrackerException.unexpected(endpoint, path(path, name), "is '" + text + "', not an ISO-8601 time");
        }
    }

    /** A Jira time ({@code 2021-01-17T12:34:00.000+0000}); ISO-8601 with a colon in the offset is accepted too. */
    Instant jiraTime(JsonNode parent, String path, String name) {
        String text = text(parent, path, name);
        try {
            return OffsetDateTime.parse(text, JIRA_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw TrackerException.unexpected(endpoint, path(path, name), "is '" + text + "', not a Jira time");
            }
        }
    }

    TrackerException missing(String field, JsonNode found, String expected) {
        String what = found == null ? "is missing" : "is " + describe(found);
        return TrackerException.unexpected(endpoint, field, what + " (expected " + expected + ")");
    }

    static String path(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    private static String describe(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return node.asText().isBlank() ? "an empty string" : "a string";
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
