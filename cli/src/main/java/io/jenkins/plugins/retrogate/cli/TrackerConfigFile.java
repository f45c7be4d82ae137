package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.config.PolicyFile;
import io.jenkins.plugins.retrogate.engine.tracker.GitHubSettings;
import io.jenkins.plugins.retrogate.engine.tracker.JiraSettings;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code <home>/tracker.yaml}: one tracker at the top level, or several under {@code trackers}.
 * Strict like {@code policy.yaml}: an unknown field, a wrong type or a value the engine refuses is
 * bad input naming the file, the field's path and what is allowed. A token is never read from it.
 */
final class TrackerConfigFile {
    private static final Set<String> GLOBAL = Set.of("staleAfter", "staleAfterMinutes", "incidentUrl",
            "closeHistoricItems", "attempts");
    private static final Set<String> TRACKER = Set.of("kind", "url", "project", "repository", "user", "tokenVariable",
            "fileTickets", "issueType", "labels", "priorities", "doneStatuses", "doneCategories", "closeTransition");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    /** The engine's field names, as this file calls them. */
    private static final Map<String, String> ENGINE_FIELDS = Map.of("jira.baseUrl", "url", "jira.projectKey", "project",
            "jira.issueType", "issueType", "jira.labels", "labels", "jira.doneCategories", "doneCategories",
            "jira.doneStatuses", "doneStatuses", "jira.closeTransition", "closeTransition", "github.apiUrl", "url",
            "github.repository", "repository", "github.labels", "labels");

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
            tree = Policies.YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
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
        for (int i = 1; i < trackers.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (trackers.get(i).system() == trackers.get(j).system()) {
                    throw fields.bad(trackers.get(i).path() + "kind: a second "
                            + TrackerConfig.name(trackers.get(i).system())
                            + " tracker; one tracker of each kind (Jira, GitHub) is allowed");
                }
            }
        }
        if (trackers.stream().filter(TrackerEntry::fileTickets).count() > 1) {
            throw fields.bad("fileTickets is true for more than one tracker; tickets are filed in one tracker only");
        }
        Duration staleAfter = staleAfter(root);
        String incidentUrl = fields.optional(root, "", "incidentUrl");
        if (incidentUrl != null && !incidentUrl.matches("https?://\\S+")) {
            throw fields.bad("incidentUrl '" + incidentUrl
                    + "' is not an http(s) URL (with {id} for the incident id)");
        }
        boolean historic = fields.bool(root, "", "closeHistoricItems", false);
        int attempts = 4;
        if (root.has("attempts")) {
            String text = fields.scalar(root, "", "attempts");
            if (!text.matches("\\d{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 10) {
                throw fields.bad("attempts '" + text + "' is not a whole number from 1 to 10");
            }
            attempts = Integer.parseInt(text);
        }
        return new TrackerConfig(file, trackers, staleAfter, incidentUrl, historic, attempts);
    }

    /** {@code staleAfter: 30m}, or the Jenkins configuration's {@code staleAfterMinutes: 30}. */
    private Duration staleAfter(JsonNode root) {
        if (root.has("staleAfter") && root.has("staleAfterMinutes")) {
            throw fields.bad("staleAfter and staleAfterMinutes are both set; keep one");
        }
        if (root.has("staleAfterMinutes")) {
            String text = fields.scalar(root, "", "staleAfterMinutes");
            if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 7 * 24 * 60) {
                throw fields.bad("staleAfterMinutes '" + text
                        + "' is not a whole number of minutes from 1 to 10080 (a week)");
            }
            return Duration.ofMinutes(Integer.parseInt(text));
        }
        if (!root.has("staleAfter")) {
            return TrackerConfig.DEFAULT_STALE_AFTER;
        }
        String text = fields.scalar(root, "", "staleAfter");
        return engine(() -> PolicyFile.duration("staleAfter", text), "");
    }

    private TrackerEntry tracker(JsonNode node, String path) {
        String kindText = fields.required(node, path, "kind");
        TrackerEntry.Kind kind = java.util.Arrays.stream(TrackerEntry.Kind.values())
                .filter(k -> k.text.equalsIgnoreCase(kindText)).findFirst()
                .orElseThrow(() -> fields.bad(path + "kind '" + kindText
                        + "' is not one of jira-cloud, jira-data-center, github"));
        String user = fields.optional(node, path, "user");
        if (user != null && user.contains(":")) {
            throw fields.bad(path + "user '" + user + "' must not contain ':' (basic auth)");
        }
        String variable = node.has("tokenVariable") ? fields.scalar(node, path, "tokenVariable")
                : TrackerConfig.TOKEN_VARIABLE;
        if (!VARIABLE.matcher(variable).matches()) {
            throw fields.bad(path + "tokenVariable '" + variable + "' is not an environment variable name such as "
                    + TrackerConfig.TOKEN_VARIABLE);
        }
        boolean fileTickets = fields.bool(node, path, "fileTickets", false);
        if (kind == TrackerEntry.Kind.GITHUB) {
            for (String jiraOnly : List.of("user", "issueType", "doneStatuses", "doneCategories", "closeTransition")) {
                if (node.has(jiraOnly)) {
                    throw fields.bad(path + jiraOnly + " is a Jira setting; a github tracker takes url, repository,"
                            + " labels, priorities, tokenVariable and fileTickets");
                }
            }
            GitHubSettings github = engine(() -> github(node, path), path);
            if (fileTickets && github.repository() == null) {
                throw fields.bad(path
                        + "repository is missing: fileTickets needs the owner/repo where issues are filed");
            }
            return new TrackerEntry(path, kind, null, github, null, variable, fileTickets);
        }
        if (node.has("repository")) {
            throw fields.bad(path + "repository is a GitHub setting; a Jira tracker files tickets in its project");
        }
        if (kind == TrackerEntry.Kind.JIRA_CLOUD && user == null) {
            throw fields.bad(path + "user is missing: Jira Cloud authenticates with the account's e-mail address and an"
                    + " API token");
        }
        JiraSettings jira = engine(() -> jira(node, path, kind == TrackerEntry.Kind.JIRA_CLOUD), path);
        return new TrackerEntry(path, kind, jira, null, user, variable, fileTickets);
    }

    private JiraSettings jira(JsonNode node, String path, boolean cloud) {
        String url = fields.required(node, path, "url");
        String project = fields.required(node, path, "project");
        JiraSettings settings = cloud ? JiraSettings.cloud(url, project) : JiraSettings.dataCenter(url, project);
        if (node.has("issueType")) {
            settings = settings.withIssueType(fields.scalar(node, path, "issueType"));
        }
        if (node.has("labels")) {
            settings = settings.withLabels(fields.list(node, path, "labels"));
        }
        if (node.has("priorities")) {
            settings = settings.withPriorities(priorities(node, path));
        }
        if (node.has("doneStatuses") || node.has("doneCategories")) {
            Set<String> categories = node.has("doneCategories") ? fields.list(node, path, "doneCategories")
                    : settings.doneCategories();
            Set<String> statuses = node.has("doneStatuses") ? fields.list(node, path, "doneStatuses")
                    : settings.doneStatuses();
            settings = settings.withDone(categories, statuses, settings.notFixedResolutions());
        }
        String transition = fields.optional(node, path, "closeTransition");
        return transition == null ? settings : settings.withCloseTransition(transition);
    }

    private GitHubSettings github(JsonNode node, String path) {
        if (node.has("repository") && node.has("project")) {
            throw fields.bad(path
                    + "repository and project are both set; a github tracker takes one owner/repo (repository)");
        }
        // project: the Jenkins configuration's name for the repository
        String repository = fields.optional(node, path, node.has("repository") ? "repository" : "project");
        GitHubSettings settings = GitHubSettings.of(repository);
        String url = fields.optional(node, path, "url");
        if (url != null) {
            settings = settings.withApiUrl(url);
        }
        if (node.has("labels")) {
            settings = settings.withLabels(fields.list(node, path, "labels"), settings.priorityLabels());
        }
        if (node.has("priorities")) {
            settings = settings.withLabels(settings.labels(), priorities(node, path));
        }
        return settings;
    }

    /**
     * {@code priorities: {P0: Highest, P1: High}}, or the Jenkins form {@code "P0=Highest, P1=High"};
     * "none" (or an empty mapping): no priority is set on new tickets.
     */
    private Map<Priority, String> priorities(JsonNode node, String path) {
        JsonNode value = node.get("priorities");
        Map<Priority, String> map = new EnumMap<>(Priority.class);
        Map<String, String> entries = new java.util.LinkedHashMap<>();
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue().isValueNode()
                    ? e.getValue().asText() : null));
        } else if (value.isValueNode()) {
            if (value.asText().strip().equalsIgnoreCase("none")) {
                return map;
            }
            for (String part : value.asText().split("[,\\n]", -1)) {
                if (!part.isBlank()) {
                    int equals = part.indexOf('=');
                    if (equals < 0) {
                        throw fields.bad(path + "priorities '" + part.strip() + "' is not like P0=Highest");
                    }
                    entries.put(part.substring(0, equals).strip(), part.substring(equals + 1).strip());
                }
            }
        } else {
            throw fields.bad(path + "priorities must be a mapping such as {P0: Highest, P1: High}");
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            Priority priority = engine(() -> Priority.parse(path + "priorities", entry.getKey()), "");
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw fields.bad(path + "priorities." + priority + " must be a non-empty text");
            }
            map.put(priority, entry.getValue().strip());
        }
        return map;
    }

    /** Runs an engine constructor, turning its field names into this file's paths. */
    private <T> T engine(java.util.function.Supplier<T> build, String path) {
        try {
            return build.get();
        } catch (InvalidInputException | TrackerException e) {
            String message = e.getMessage();
            for (Map.Entry<String, String> field : ENGINE_FIELDS.entrySet()) {
                message = message.replace(field.getKey(), path + field.getValue());
            }
            if (e instanceof InvalidInputException invalid && !invalid.field().contains(".")) {
                message = path + message;
            }
            throw fields.bad(message);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
