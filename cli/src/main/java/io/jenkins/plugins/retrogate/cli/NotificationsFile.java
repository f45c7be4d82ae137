package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.notify.NotificationTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code <home>/notifications.yaml}: where to announce override requests (raised, approved, denied,
 * expired). Strict like the other files of the home; secrets never in it: a webhook's signing secret comes
 * from the environment variable {@code secretVariable} names, and a URL that is itself a secret (Slack's)
 * from {@code urlVariable}.
 * <pre>
 * webhooks:
 *   - url: https://hooks.example.com/retro-gate
 *     secretVariable: RETRO_GATE_WEBHOOK_SECRET
 *   - urlVariable: RETRO_GATE_SLACK_URL
 *     format: slack
 * </pre>
 */
final class NotificationsFile {
    static final String NAME = "notifications.yaml";
    private static final Set<String> WEBHOOK = Set.of("url", "urlVariable", "format", "secretVariable");

    /** Compiled when a notifications file is read: every command loads this class, few homes have one. */
    private static final class Variable {
        static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    }

    private NotificationsFile() {
    }

    /** The targets, none when the home has no {@code notifications.yaml}. */
    static List<NotificationTarget> load(Path home, Map<String, String> environment) {
        Path file = home.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = Policies.yaml().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        YamlFields fields = new YamlFields(file);
        if (root == null || !root.isObject()) {
            throw fields.bad("the file must be a mapping with 'webhooks', a list of receivers");
        }
        known(fields, root, "", Set.of("webhooks"));
        JsonNode list = root.get("webhooks");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw fields.bad("webhooks must be a list of receivers, each with 'url' or 'urlVariable'");
        }
        List<NotificationTarget> targets = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "webhooks[" + i + "].";
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                throw fields.bad("webhooks[" + i + "] must be a mapping such as 'url: https://…'");
            }
            known(fields, node, path, WEBHOOK);
            String url = fields.optional(node, path, "url");
            String urlVariable = variable(fields, node, path, "urlVariable");
            if ((url == null) == (urlVariable == null)) {
                throw fields.bad(path + "url and " + path + "urlVariable: give exactly one of them");
            }
            if (urlVariable != null) {
                url = value(fields, environment, path + "urlVariable", urlVariable);
            }
            String secretVariable = variable(fields, node, path, "secretVariable");
            String secret = secretVariable == null ? null
                    : value(fields, environment, path + "secretVariable", secretVariable);
            String format = fields.optional(node, path, "format");
            try {
                targets.add(NotificationTarget.of(path + "url", url, format, secret));
            } catch (InvalidInputException e) {
                throw fields.bad(e.getMessage());
            }
        }
        return List.copyOf(targets);
    }

    private static void known(YamlFields fields, JsonNode node, String path, Set<String> allowed) {
        for (java.util.Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.equals("secret") || name.equals("token") || name.equals("password")) {
                // never echo the value: it is a secret in the wrong place
                throw fields.bad(path + name + ": a secret is never read from " + NAME + "; remove it, put it in an"
                        + " environment variable and name that variable in " + path + "secretVariable");
            }
            if (!allowed.contains(name)) {
                throw fields.bad(path + name + " is not a field of " + NAME + "; the fields are "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String variable(YamlFields fields, JsonNode node, String path, String field) {
        String name = fields.optional(node, path, field);
        if (name != null && !Variable.NAME.matcher(name).matches()) {
            throw fields.bad(path + field + " '" + name + "' is not an environment variable name such as "
                    + "RETRO_GATE_WEBHOOK_SECRET");
        }
        return name;
    }

    private static String value(YamlFields fields, Map<String, String> environment, String field, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw fields.bad(field + " names $" + name + ", which is not set");
        }
        return value;
    }
}
