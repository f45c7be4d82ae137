package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An action item's ticket in a tracker. {@code key} is what commit messages name
 * ({@code PAY-123}, {@code acme/shop#42}); {@code url} is where a person opens it, when known.
 */
public record Ticket(TicketSystem system, String key, @CheckForNull String url) {
    private static final Pattern JIRA_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,49}-[1-9][0-9]{0,9}");
    private static final Pattern GITHUB_KEY = Pattern.compile("([A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100})?#[1-9][0-9]{0,9}");

    public Ticket {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(key, "key");
    }

    /**
     * Reads a ticket as a user writes it: a Jira key ({@code PAY-123}), a GitHub issue
     * ({@code acme/shop#42} or {@code #42}) or an http(s) URL.
     */
    public static Ticket parse(String field, String raw) {
        String value = InvalidInputException.requireText(field, raw, 500);
        if (JIRA_KEY.matcher(value.toUpperCase(Locale.ROOT)).matches()) {
            return new Ticket(TicketSystem.JIRA, value.toUpperCase(Locale.ROOT), null);
        }
        if (GITHUB_KEY.matcher(value).matches()) {
            return new Ticket(TicketSystem.GITHUB, value, null);
        }
        if (value.startsWith("https://") || value.startsWith("http://")) {
            try {
                URI uri = URI.create(value);
                if (uri.getHost() != null) {
                    return new Ticket(TicketSystem.URL, value, value);
                }
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
        }
        throw new InvalidInputException(field, raw,
                "is not a ticket: use a Jira key (PAY-123), a GitHub issue (owner/repo#42 or #42) or an http(s) URL");
    }

    /** Whether a change-set reference (a key found in a commit message) names this ticket. */
    public boolean isNamedBy(String reference) {
        return key.equalsIgnoreCase(reference.strip());
    }
}
