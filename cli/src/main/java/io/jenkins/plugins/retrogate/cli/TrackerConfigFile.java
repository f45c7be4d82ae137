package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.config.PolicyFile;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetup;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetupBuilder;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads {@code <home>/tracker.yaml}: one tracker at the top level, or several under {@code trackers}.
 * This class only reads YAML: the values go to the engine's {@link TrackerSetupBuilder} and
 * {@link TrackerSetups}, the one validation the Jenkins plugin uses too. Strict like {@code policy.yaml}:
 * an unknown field, a wrong type or a value the engine refuses is bad input naming the file, the field's
 * path and what is allowed. A token is never read from it.
 */
final class TrackerConfigFile {
    private static final Set<String> GLOBAL = Set.of("staleAfter", "staleAfterMinutes", "incidentUrl",
            "closeHistoricItems", "attempts");
    private static final Set<String> TRACKER = Set.of("kind", "url", "project", "repository", "user", "tokenVariable",
            "fileTickets", "issueType", "labels", "priorities", "doneStatuses", "doneCategories", "closeTransition");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    private final Path file;
    private final YamlFields fields;

    private TrackerConfigFile(Path file) {
        this.file = file;
        this.fields = new YamlFields(file);
    }

    /** The settings, or empty when the home has no {@code tracker.yaml}. */
    static Optional<TrackerConfig> load(Path home) {
        Path file = TrackerConfig.file(home);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode tree;
        try {
            tree = Policies.yaml().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return Optional.of(new TrackerConfigFile(file).read(tree));
    }

    private TrackerConfig read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fields.bad("the file must be a mapping of fields, such as 'kind: jira-cloud'");
        }
        List<TrackerEntry> trackers = new ArrayList<>();
        if (root.has("trackers")) {
            fields.known(root, "", union(GLOBAL, Set.of("trackers")));
            JsonNode list = root.get("trackers");
            if (!list.isArray() || list.isEmpty()) {
                throw fields.bad("trackers must be a list of one or two trackers");
            }
            for (int i = 0; i < list.size(); i++) {
                String path = "trackers[" + i + "].";
                if (!list.get(i).isObject()) {
                    throw fields.bad("trackers[" + i + "] must be a mapping of fields, such as 'kind: github'");
                }
                fields.known(list.get(i), path, TRACKER);
                trackers.add(tracker(list.get(i), path));
            }
        } else {
            fields.known(root, "", union(GLOBAL, TRACKER));
            trackers.add(tracker(root, ""));
        }
        TrackerSetups.Builder section = TrackerSetups.builder();
        trackers.forEach(t -> section.tracker(t.setup()));
        TrackerSetups setups = engine("", () -> {
            if (root.has("staleAfter") && root.has("staleAfterMinutes")) {
                throw new InvalidInputException("staleAfter", "", "and staleAfterMinutes are both set; keep one");
            }
            if (root.has("staleAfterMinutes")) {
                section.staleAfterMinutes(fields.scalar(root, "", "staleAfterMinutes"));
            }
            if (root.has("staleAfter")) {
                section.staleAfter(PolicyFile.duration("staleAfter", fields.scalar(root, "", "staleAfter")));
            }
            if (root.has("attempts")) {
                section.attempts(fields.scalar(root, "", "attempts"));
            }
            return section.incidentUrl(fields.optional(root, "", "incidentUrl"))
                    .closeHistoricItems(fields.bool(root, "", "closeHistoricItems", false)).build();
        });
        return new TrackerConfig(file, trackers, setups);
    }

    private TrackerEntry tracker(JsonNode node, String path) {
        String variable = node.has("tokenVariable") ? fields.scalar(node, path, "tokenVariable")
                : TrackerConfig.TOKEN_VARIABLE;
        if (!VARIABLE.matcher(variable).matches()) {
            throw fields.bad(path + "tokenVariable '" + variable + "' is not an environment variable name such as "
                    + TrackerConfig.TOKEN_VARIABLE);
        }
        TrackerSetupBuilder builder = TrackerSetup.builder().kind(fields.optional(node, path, "kind"))
                .url(fields.optional(node, path, "url")).project(fields.optional(node, path, "project"))
                .repository(fields.optional(node, path, "repository")).user(fields.optional(node, path, "user"))
                .issueType(fields.optional(node, path, "issueType"))
                .closeTransition(fields.optional(node, path, "closeTransition"))
                .fileTickets(fields.bool(node, path, "fileTickets", false)).credentials(variable);
        if (node.has("labels")) {
            JsonNode labels = node.get("labels");
            if (labels.isValueNode() && labels.asText().isBlank()) {
                builder.labels(List.of()); // labels: "" is no labels, as it always was in tracker.yaml
            } else if (labels.isValueNode()) {
                builder.labels(labels.asText()); // the Jenkins form's text: "a, b", or none
            } else {
                builder.labels(fields.list(node, path, "labels"));
            }
        }
        // a list, or the Jenkins form's text ("Done, Closed" or none) read the same way as there
        if (node.has("doneStatuses")) {
            if (node.get("doneStatuses").isValueNode()) {
                builder.doneStatuses(node.get("doneStatuses").asText());
            } else {
                builder.doneStatuses(fields.list(node, path, "doneStatuses"));
            }
        }
        if (node.has("doneCategories")) {
            if (node.get("doneCategories").isValueNode()) {
                builder.doneCategories(node.get("doneCategories").asText());
            } else {
                builder.doneCategories(fields.list(node, path, "doneCategories"));
            }
        }
        if (node.has("priorities")) {
            priorities(builder, node, path);
        }
        return new TrackerEntry(path, engine(path, builder::build));
    }

    /** {@code priorities: {P0: Highest, P1: High}}, or the Jenkins form {@code "P0=Highest, P1=High"} or "none". */
    private void priorities(TrackerSetupBuilder builder, JsonNode node, String path) {
        JsonNode value = node.get("priorities");
        if (value.isObject()) {
            Map<String, String> entries = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue().isValueNode()
                    ? e.getValue().asText() : null));
            engine(path, () -> builder.priorities(entries));
        } else if (value.isValueNode()) {
            engine(path, () -> builder.priorities(value.asText()));
        } else {
            throw fields.bad(path + "priorities must be a mapping such as {P0: Highest, P1: High}");
        }
    }

    /** Runs the engine's validation; its message names the field, which sits at {@code path} in this file. */
    private <T> T engine(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidInputException e) {
            // "project is missing", not "project '' is missing"
            String message = e.value().isEmpty() ? e.field() + " " + e.allowed() : e.getMessage();
            throw fields.bad(e.field().startsWith("trackers[") ? message : path + message);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
