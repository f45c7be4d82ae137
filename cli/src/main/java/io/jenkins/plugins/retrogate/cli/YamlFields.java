package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the fields of a YAML settings file strictly: a wrong type or an unknown field is bad input
 * naming the file and the field's path ({@code trackers[1].kind}). Values written as secrets
 * ({@code token}, {@code password}) are refused without being echoed.
 */
final class YamlFields {
    private final Path file;

    YamlFields(Path file) {
        this.file = file;
    }

    void known(JsonNode node, String path, Set<String> fields) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("token") || name.equals("password")) {
                // Never echo the value: it is a secret in the wrong place.
                throw bad(path + name + ": a token is never read from " + TrackerConfig.FILE
                        + "; remove it and set the environment variable " + TrackerConfig.TOKEN_VARIABLE
                        + " (or the one tokenVariable names)");
            }
            if (!fields.contains(name)) {
                throw bad(path + name + " is not a field of " + TrackerConfig.FILE + "; the fields are "
                        + String.join(", ", new TreeSet<>(fields)));
            }
        }
    }

    String required(JsonNode node, String path, String field) {
        String value = optional(node, path, field);
        if (value == null) {
            throw bad(path + field + " is missing");
        }
        return value;
    }

    String optional(JsonNode node, String path, String field) {
        if (!node.has(field) || node.get(field).isNull()) {
            return null;
        }
        String value = scalar(node, path, field);
        return value.isBlank() ? null : value.strip();
    }

    String scalar(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode()) {
            throw bad(path + field + " must be a single value, not a list or mapping");
        }
        return value.asText();
    }

    boolean bool(JsonNode node, String path, String field, boolean otherwise) {
        if (!node.has(field)) {
            return otherwise;
        }
        String text = scalar(node, path, field).strip().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw bad(path + field + " '" + text + "' is not one of true, false");
        }
        return Boolean.parseBoolean(text);
    }

    Set<String> list(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        Set<String> values = new LinkedHashSet<>();
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isValueNode() || value.get(i).asText().isBlank()) {
                    throw bad(path + field + "[" + i + "] must be a non-empty text");
                }
                values.add(value.get(i).asText().strip());
            }
        } else if (value.isValueNode()) {
            for (String part : value.asText().split("[,\\n]", -1)) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        } else {
            throw bad(path + field + " must be a list");
        }
        return values;
    }

    BadInputException bad(String message) {
        return new BadInputException(file + ": " + message);
    }
}
