package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How Retro Gate talks to GitHub (or GitHub Enterprise Server) Issues.
 *
 * @param apiUrl                   {@code https://api.github.com}, or {@code https://github.acme.com/api/v3}
 * @param repository               {@code owner/repo} where new tickets are filed and that {@code #42} refers to;
 *                                 {@code null} when only fully qualified tickets ({@code owner/repo#42}) are used
 * @param labels                   labels put on new issues
 * @param priorityLabels           a further label per action-item priority (e.g. {@code priority: P0})
 * @param closedWithoutReasonIsDone whether an issue closed without a {@code state_reason} (closed before GitHub
 *                                 recorded reasons, or by an old GitHub Enterprise Server) counts as completed
 */
public record GitHubSettings(URI apiUrl, String repository, Set<String> labels, Map<Priority, String> priorityLabels,
        boolean closedWithoutReasonIsDone) {

    /** The public GitHub API. */
    public static final String GITHUB_COM = "https://api.github.com";

    public GitHubSettings {
        if (apiUrl == null) {
            throw new InvalidInputException("github.apiUrl", "", "is missing");
        }
        apiUrl = TrackerUrls.base("github.apiUrl", apiUrl.toString());
        repository = InvalidInputException.optionalText("github.repository", repository, 201);
        if (repository != null) {
            GitHubIssueKey.repository("github.repository", repository);
        }
        labels = Set.copyOf(new TreeSet<>(labels == null ? Set.of() : labels));
        for (String label : labels) {
            InvalidInputException.requireText("github.labels", label, 50);
        }
        priorityLabels = priorityLabels == null || priorityLabels.isEmpty() ? Map.of()
                : Map.copyOf(new EnumMap<>(priorityLabels));
    }

    /** github.com, issues filed in {@code repository}, label {@code retro-gate}, priority labels {@code priority: P0}…. */
    public static GitHubSettings of(String repository) {
        return new GitHubSettings(URI.create(GITHUB_COM), repository, Set.of("retro-gate"),
                Map.of(Priority.P0, "priority: P0", Priority.P1, "priority: P1", Priority.P2, "priority: P2"), true);
    }

    public GitHubSettings withApiUrl(String url) {
        return new GitHubSettings(TrackerUrls.base("github.apiUrl", url), repository, labels, priorityLabels,
                closedWithoutReasonIsDone);
    }

    public GitHubSettings withLabels(Set<String> newLabels, Map<Priority, String> newPriorityLabels) {
        return new GitHubSettings(apiUrl, repository, newLabels, newPriorityLabels, closedWithoutReasonIsDone);
    }

    public GitHubSettings withClosedWithoutReasonIsDone(boolean value) {
        return new GitHubSettings(apiUrl, repository, labels, priorityLabels, value);
    }
}
