package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one validation of a tracker's settings, whichever front-end collected them. Every value may
 * come as the text both front-ends accept: lists separated by commas or new lines ({@code none}: an
 * empty list), priorities as {@code P0=Highest, P1=High} ({@code none}: no priority is set); an empty
 * text means the tracker's default. {@link #build} fails with an {@link InvalidInputException} that
 * names the field as the front-ends call it ({@code url}, {@code project}, {@code repository},
 * {@code labels}...), the value and what is allowed; nothing is built then.
 */
public final class TrackerSetupBuilder {
    /** Jira-only fields, refused on a GitHub tracker. */
    static final List<String> JIRA_ONLY = List.of("user", "issueType", "doneStatuses", "doneCategories",
            "closeTransition");
    /** The engine settings' field names, as the front-ends call them. */
    private static final Map<String, String> FIELDS = Map.of("jira.baseUrl", "url", "jira.projectKey", "project",
            "jira.issueType", "issueType", "jira.labels", "labels", "jira.doneCategories", "doneCategories",
            "jira.doneStatuses", "doneStatuses", "jira.closeTransition", "closeTransition", "github.apiUrl", "url",
            "github.repository", "repository", "github.labels", "labels");

    private String kind;
    private String url;
    private String project;
    private String repository;
    private String user;
    private boolean userFromCredentials;
    private String credentials;
    private String issueType;
    private Set<String> labels;
    private Map<Priority, String> priorities;
    private Set<String> doneCategories;
    private Set<String> doneStatuses;
    private String closeTransition;
    private boolean fileTickets;
    private final Set<String> given = new LinkedHashSet<>();

    TrackerSetupBuilder() {
    }

    /** {@code jira-cloud}, {@code jira-data-center} or {@code github} ({@code JIRA_CLOUD} and so on, too). */
    public TrackerSetupBuilder kind(String value) {
        kind = value;
        return this;
    }

    /** The Jira site, or the GitHub API URL (empty: {@code https://api.github.com}). */
    public TrackerSetupBuilder url(String value) {
        url = blankToNull(value);
        return this;
    }

    /** The Jira project key, or (for GitHub) the {@code owner/repo}. */
    public TrackerSetupBuilder project(String value) {
        project = blankToNull(value);
        return given("project", project);
    }

    /** The GitHub {@code owner/repo}; refused on a Jira tracker. */
    public TrackerSetupBuilder repository(String value) {
        repository = blankToNull(value);
        return given("repository", repository);
    }

    /** The basic-auth user (Jira); must not hold ':'. */
    public TrackerSetupBuilder user(String value) {
        user = blankToNull(value);
        return given("user", user);
    }

    /** The credentials carry the user (a Jenkins "username with password"): Jira Cloud needs no {@link #user}. */
    public TrackerSetupBuilder userFromCredentials() {
        userFromCredentials = true;
        return this;
    }

    /** The name of the credentials (a credentials id, an environment variable), resolved by the front-end at use. */
    public TrackerSetupBuilder credentials(String value) {
        credentials = blankToNull(value);
        return this;
    }

    public TrackerSetupBuilder issueType(String value) {
        issueType = blankToNull(value);
        return given("issueType", issueType);
    }

    /** Labels per line or comma; empty: the default {@code retro-gate}; {@code none}: no labels. */
    public TrackerSetupBuilder labels(String text) {
        labels = text == null || text.isBlank() ? null : list(text);
        return this;
    }

    public TrackerSetupBuilder labels(Collection<String> values) {
        labels = values == null ? null : clean(values);
        return this;
    }

    /** {@code P0=Highest} per line or comma; empty: the tracker's defaults; {@code none}: no priority is set. */
    public TrackerSetupBuilder priorities(String text) {
        if (text == null || text.isBlank()) {
            priorities = null;
            return this;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        if (!isNone(text)) {
            for (String entry : list(text)) {
                int equals = entry.indexOf('=');
                if (equals < 0) {
                    throw new InvalidInputException("priorities", entry, "is not like P0=Highest");
                }
                entries.put(entry.substring(0, equals).strip(), entry.substring(equals + 1));
            }
        }
        return priorities(entries);
    }

    /** Priority name ({@code P0}) to the tracker's priority or label; an empty map sets no priority. */
    public TrackerSetupBuilder priorities(Map<String, String> entries) {
        Map<Priority, String> map = new EnumMap<>(Priority.class);
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            Priority priority = Priority.parse("priorities", entry.getKey());
            if (entry.getValue() == null || entry.getValue().isBlank()) {
                throw new InvalidInputException("priorities." + priority, entry.getValue() == null ? ""
                        : entry.getValue(), "must be a non-empty text, like P0=Highest");
            }
            map.put(priority, entry.getValue().strip());
        }
        priorities = map;
        return this;
    }

    /** Jira status categories that count as done; empty: {@code done}. */
    public TrackerSetupBuilder doneCategories(String text) {
        doneCategories = text == null || text.isBlank() ? null : list(text);
        return given("doneCategories", doneCategories);
    }

    public TrackerSetupBuilder doneCategories(Collection<String> values) {
        doneCategories = values == null ? null : clean(values);
        return given("doneCategories", doneCategories);
    }

    /** Further Jira status names that count as done; empty: none. */
    public TrackerSetupBuilder doneStatuses(String text) {
        doneStatuses = text == null || text.isBlank() ? null : list(text);
        return given("doneStatuses", doneStatuses);
    }

    public TrackerSetupBuilder doneStatuses(Collection<String> values) {
        doneStatuses = values == null ? null : clean(values);
        return given("doneStatuses", doneStatuses);
    }

    public TrackerSetupBuilder closeTransition(String value) {
        closeTransition = blankToNull(value);
        return given("closeTransition", closeTransition);
    }

    public TrackerSetupBuilder fileTickets(boolean value) {
        fileTickets = value;
        return this;
    }

    /**
     * Checks everything and builds the setup.
     *
     * @throws InvalidInputException naming the field, the value and what is allowed
     */
    public TrackerSetup build() {
        TrackerSetup.Kind parsed = TrackerSetup.Kind.parse(kind);
        if (user != null && user.contains(":")) {
            // what follows the ':' is most likely a token pasted by mistake: never shown
            throw new InvalidInputException("user", user.substring(0, user.indexOf(':')) + ":***",
                    "must not contain ':' (the token goes in the credentials, never in the user)");
        }
        try {
            if (parsed == TrackerSetup.Kind.GITHUB) {
                return new TrackerSetup(parsed, null, github(), null, credentials, fileTickets);
            }
            return new TrackerSetup(parsed, jira(parsed), null, user, credentials, fileTickets);
        } catch (InvalidInputException e) {
            throw renamed(e);
        }
    }

    private GitHubSettings github() {
        for (String jiraOnly : JIRA_ONLY) {
            if (given.contains(jiraOnly)) {
                throw new InvalidInputException(jiraOnly, "", "is a Jira setting; a github tracker takes url, "
                        + "repository (or project), labels, priorities, credentials and fileTickets");
            }
        }
        if (repository != null && project != null) {
            throw new InvalidInputException("repository", "",
                    "and project are both set; a github tracker takes one owner/repo");
        }
        String repo = repository != null ? repository : project;
        String field = repository != null ? "repository" : "project";
        if (fileTickets && repo == null) {
            throw new InvalidInputException("repository", "",
                    "is missing: fileTickets needs the owner/repo where issues are filed");
        }
        GitHubSettings settings;
        try {
            settings = GitHubSettings.of(repo);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.value(), e.allowed());
        }
        if (url != null) {
            settings = settings.withApiUrl(url);
        }
        return settings.withLabels(labels == null ? settings.labels() : labels,
                priorities == null ? settings.priorityLabels() : priorities);
    }

    private JiraSettings jira(TrackerSetup.Kind parsed) {
        if (repository != null) {
            throw new InvalidInputException("repository", repository,
                    "is a GitHub setting; a Jira tracker files tickets in its project");
        }
        if (url == null) {
            throw new InvalidInputException("url", "", "is missing: the Jira site, like https://acme.atlassian.net");
        }
        if (project == null) {
            throw new InvalidInputException("project", "",
                    "is missing: the Jira project key where tickets are filed, like PAY");
        }
        if (parsed == TrackerSetup.Kind.JIRA_CLOUD && user == null && !userFromCredentials) {
            throw new InvalidInputException("user", "", "is missing: Jira Cloud authenticates with the account's"
                    + " e-mail address and an API token");
        }
        JiraSettings settings = parsed == TrackerSetup.Kind.JIRA_CLOUD ? JiraSettings.cloud(url, project)
                : JiraSettings.dataCenter(url, project);
        if (issueType != null) {
            settings = settings.withIssueType(issueType);
        }
        if (labels != null) {
            settings = settings.withLabels(labels);
        }
        if (priorities != null) {
            settings = settings.withPriorities(priorities);
        }
        settings = settings.withDone(doneCategories == null ? settings.doneCategories() : doneCategories,
                doneStatuses == null ? settings.doneStatuses() : doneStatuses, settings.notFixedResolutions());
        return settings.withCloseTransition(closeTransition);
    }

    /** The engine settings' message, with the field as the front-ends call it. */
    private static InvalidInputException renamed(InvalidInputException e) {
        String field = FIELDS.getOrDefault(e.field(), e.field());
        String allowed = e.allowed();
        for (Map.Entry<String, String> name : FIELDS.entrySet()) {
            allowed = allowed.replace(name.getKey(), name.getValue());
        }
        return field.equals(e.field()) && allowed.equals(e.allowed()) ? e
                : new InvalidInputException(field, e.value(), allowed);
    }

    private TrackerSetupBuilder given(String field, Object value) {
        if (value == null) {
            given.remove(field);
        } else {
            given.add(field);
        }
        return this;
    }

    /**
     * A list's text as a form keeps it: one entry per line, {@code none} kept as {@code none} (so it
     * still means "no entries" when read back), empty for empty.
     */
    public static String listText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return isNone(text) ? "none" : String.join("\n", clean(Arrays.asList(text.split("[,\\n]"))));
    }

    /** Entries separated by new lines or commas; {@code none} alone: no entries. */
    static Set<String> list(String text) {
        if (text == null || isNone(text)) {
            return Set.of();
        }
        return clean(Arrays.asList(text.split("[,\\n]")));
    }

    private static Set<String> clean(Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(result::add);
        return result;
    }

    private static boolean isNone(String text) {
        return text.strip().toLowerCase(Locale.ROOT).equals("none");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
