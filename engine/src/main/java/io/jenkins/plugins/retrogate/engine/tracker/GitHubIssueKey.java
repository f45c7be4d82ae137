package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A GitHub issue: {@code owner/repo} and number, from a ticket key ({@code acme/shop#42} or {@code #42}). */
record GitHubIssueKey(String repository, long number) {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}");
    private static final Pattern KEY = Pattern.compile("(?:([A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}))?#([1-9][0-9]{0,9})");

    /** Parses a key; {@code #42} needs a default repository. Returns {@code null} for a key this cannot read. */
    static GitHubIssueKey parse(String key, String defaultRepository) {
        Matcher matcher = KEY.matcher(key.strip());
        if (!matcher.matches()) {
            return null;
        }
        String repository = matcher.group(1) != null ? matcher.group(1) : defaultRepository;
        return repository == null ? null : new GitHubIssueKey(repository, Long.parseLong(matcher.group(2)));
    }

    static String repository(String field, String value) {
        if (!REPOSITORY.matcher(value).matches() || value.contains("..")) {
            throw new InvalidInputException(field, value, "is not a repository like owner/repo");
        }
        return value;
    }

    String key() {
        return repository + "#" + number;
    }

    String path() {
        return "/repos/" + repository + "/issues/" + number;
    }
}
