package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.net.URI;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * How Retro Gate talks to one Jira site and maps its workflow.
 *
 * @param baseUrl             the site, e.g. {@code https://acme.atlassian.net} or {@code https://jira.acme.com/jira}
 * @param deployment          Cloud (REST v3 by default, rich-text bodies) or Data Center (REST v2, plain bodies)
 * @param apiVersion          2 or 3; Data Center has only 2
 * @param projectKey          where new tickets are filed
 * @param issueType           the issue type of new tickets, by name
 * @param labels              labels put on new tickets
 * @param priorities          Jira priority name per action-item priority; a priority without one is not set
 * @param doneCategories      status category keys that count as closed (Jira's own are {@code new},
 *                            {@code indeterminate}, {@code done})
 * @param doneStatuses        further status names that count as closed, whatever their category
 * @param notFixedResolutions resolutions that close a ticket without fixing it: the item stays open
 * @param closeTransition     the transition used to close a verified item's ticket; {@code null}: the
 *                            first available transition into a closed status
 */
public record JiraSettings(URI baseUrl, Deployment deployment, int apiVersion, String projectKey, String issueType,
        Set<String> labels, Map<Priority, String> priorities, Set<String> doneCategories, Set<String> doneStatuses,
        Set<String> notFixedResolutions, String closeTransition) {

    private static final Pattern PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");
    private static final Pattern LABEL = Pattern.compile("[^\\s]{1,255}");

    /** Which Jira product answers. */
    public enum Deployment {
        CLOUD, DATA_CENTER
    }

    public JiraSettings {
        if (baseUrl == null) {
            throw new InvalidInputException("jira.baseUrl", "", "is missing");
        }
        baseUrl = TrackerUrls.base("jira.baseUrl", baseUrl.toString());
        if (deployment == null) {
            throw new InvalidInputException("jira.deployment", "", "is missing: CLOUD or DATA_CENTER");
        }
        if ((apiVersion != 2 && apiVersion != 3) || (deployment == Deployment.DATA_CENTER && apiVersion != 2)) {
            throw new InvalidInputException("jira.apiVersion", apiVersion,
                    "must be 2 or 3 for Jira Cloud and 2 for Jira Data Center");
        }
        projectKey = InvalidInputException.requireText("jira.projectKey", projectKey, 50).toUpperCase(Locale.ROOT);
        if (!PROJECT.matcher(projectKey).matches()) {
            throw new InvalidInputException("jira.projectKey", projectKey, "is not a Jira project key like PAY");
        }
        issueType = InvalidInputException.requireText("jira.issueType", issueType, 100);
        labels = Set.copyOf(new TreeSet<>(labels == null ? Set.of() : labels));
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException("jira.labels", label, "is not a Jira label: no spaces, at most 255 characters");
            }
        }
        priorities = priorities == null || priorities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(priorities));
        doneCategories = lowerCase(doneCategories);
        doneStatuses = lowerCase(doneStatuses);
        if (doneCategories.isEmpty() && doneStatuses.isEmpty()) {
            throw new InvalidInputException("jira.doneCategories", "", "and jira.doneStatuses are both empty: nothing could ever count as done");
        }
        notFixedResolutions = lowerCase(notFixedResolutions);
        closeTransition = InvalidInputException.optionalText("jira.closeTransition", closeTransition, 255);
    }

    /** Jira Cloud defaults: REST v3, issue type Task, label {@code retro-gate}, priorities Highest/High/Medium. */
    public static JiraSettings cloud(String baseUrl, String projectKey) {
        return defaults(baseUrl, Deployment.CLOUD, 3, projectKey);
    }

    /** Jira Data Center defaults: REST v2, otherwise as {@link #cloud}. */
    public static JiraSettings dataCenter(String baseUrl, String projectKey) {
        return defaults(baseUrl, Deployment.DATA_CENTER, 2, projectKey);
    }

    private static JiraSettings defaults(String baseUrl, Deployment deployment, int apiVersion, String projectKey) {
        return new JiraSettings(TrackerUrls.base("jira.baseUrl", baseUrl), deployment, apiVersion, projectKey, "Task",
                Set.of("retro-gate"), Map.of(Priority.P0, "Highest", Priority.P1, "High", Priority.P2, "Medium"),
                Set.of("done"), Set.of(),
                Set.of("won't do", "won't fix", "duplicate", "cannot reproduce", "declined", "rejected"), null);
    }

    public JiraSettings withIssueType(String type) {
        return new JiraSettings(baseUrl, deployment, apiVersion, projectKey, type, labels, priorities, doneCategories,
                doneStatuses, notFixedResolutions, closeTransition);
    }

    public JiraSettings withLabels(Set<String> newLabels) {
        return new JiraSettings(baseUrl, deployment, apiVersion, projectKey, issueType, newLabels, priorities,
                doneCategories, doneStatuses, notFixedResolutions, closeTransition);
    }

    public JiraSettings withPriorities(Map<Priority, String> newPriorities) {
        return new JiraSettings(baseUrl, deployment, apiVersion, projectKey, issueType, labels, newPriorities,
                doneCategories, doneStatuses, notFixedResolutions, closeTransition);
    }

    public JiraSettings withDone(Set<String> categories, Set<String> statuses, Set<String> notFixed) {
        return new JiraSettings(baseUrl, deployment, apiVersion, projectKey, issueType, labels, priorities, categories,
                statuses, notFixed, closeTransition);
    }

    public JiraSettings withCloseTransition(String transition) {
        return new JiraSettings(baseUrl, deployment, apiVersion, projectKey, issueType, labels, priorities,
                doneCategories, doneStatuses, notFixedResolutions, transition);
    }

    public JiraSettings withApiVersion(int version) {
        return new JiraSettings(baseUrl, deployment, version, projectKey, issueType, labels, priorities,
                doneCategories, doneStatuses, notFixedResolutions, closeTransition);
    }

    /** Whether a status (by category key and name) counts as closed. */
    boolean isClosed(String categoryKey, String statusName) {
        return doneCategories.contains(categoryKey.toLowerCase(Locale.ROOT))
                || doneStatuses.contains(statusName.toLowerCase(Locale.ROOT));
    }

    /** Whether a resolution means the work was not done. */
    boolean isNotFixed(String resolution) {
        return resolution != null && notFixedResolutions.contains(resolution.toLowerCase(Locale.ROOT));
    }

    private static Set<String> lowerCase(Set<String> values) {
        Set<String> result = new TreeSet<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    result.add(value.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(result);
    }
}
