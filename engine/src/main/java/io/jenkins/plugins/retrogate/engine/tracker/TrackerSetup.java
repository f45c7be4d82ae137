package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One configured tracker, checked once by {@link TrackerSetupBuilder} for every front-end (the
 * plugin's form and Configuration as Code, the CLI's {@code tracker.yaml}): its kind, the engine's
 * settings for it, the basic-auth user (or null), the name of the credentials (a Jenkins credentials
 * id, an environment variable) and whether a sync files tickets in it. It holds no secret.
 *
 * @param kind        Jira Cloud, Jira Data Center or GitHub
 * @param jira        the Jira settings, for a Jira kind; otherwise null
 * @param github      the GitHub settings, for {@link Kind#GITHUB}; otherwise null
 * @param user        the basic-auth user, or null when the credentials carry it (or a bearer token is used)
 * @param credentials the name of the credentials the front-end resolves at use, or null
 * @param fileTickets whether a sync files tickets here for OPEN items that have none
 */
public record TrackerSetup(Kind kind, JiraSettings jira, GitHubSettings github, String user, String credentials,
        boolean fileTickets) {

    /** Which tracker; parsed from {@code jira-cloud} or {@code JIRA_CLOUD} alike. */
    public enum Kind {
        JIRA_CLOUD("jira-cloud", "Jira Cloud", TicketSystem.JIRA),
        JIRA_DATA_CENTER("jira-data-center", "Jira Data Center", TicketSystem.JIRA),
        GITHUB("github", "GitHub Issues", TicketSystem.GITHUB);

        private final String text;
        private final String displayName;
        private final TicketSystem system;

        Kind(String text, String displayName, TicketSystem system) {
            this.text = text;
            this.displayName = displayName;
            this.system = system;
        }

        /** How a file writes it: {@code jira-cloud}. */
        public String text() {
            return text;
        }

        public String displayName() {
            return displayName;
        }

        /** The tickets this kind of tracker serves. */
        public TicketSystem system() {
            return system;
        }

        /**
         * {@code jira-cloud}, {@code JIRA_CLOUD} or {@code Jira Cloud}, any case.
         *
         * @throws InvalidInputException naming {@code kind}, the value and the allowed kinds
         */
        public static Kind parse(String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("kind", "", "is missing: one of " + allowed());
            }
            String wanted = value.strip().replace('_', '-').replace(' ', '-').toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.text.equals(wanted)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("kind", value.strip(), "is not one of " + allowed()));
        }

        static String allowed() {
            return Arrays.stream(values()).map(Kind::text).collect(Collectors.joining(", "));
        }
    }

    public TrackerSetup {
        if (kind == null) {
            throw new InvalidInputException("kind", "", "is missing: one of " + Kind.allowed());
        }
        if ((kind == Kind.GITHUB) != (github != null) || (kind != Kind.GITHUB) != (jira != null)) {
            throw new InvalidInputException("kind", kind.text(),
                    "needs exactly its own settings: Jira settings for a Jira kind, GitHub settings for github");
        }
        if (kind == Kind.GITHUB && fileTickets && github.repository() == null) {
            throw new InvalidInputException("repository", "",
                    "is missing: fileTickets needs the owner/repo where issues are filed");
        }
    }

    /** A new builder; see {@link TrackerSetupBuilder} for the text forms it takes. */
    public static TrackerSetupBuilder builder() {
        return new TrackerSetupBuilder();
    }

    /** The tickets this tracker serves. */
    public TicketSystem system() {
        return kind.system();
    }

    /** The client for this tracker, with credentials the front-end resolved just now. */
    public TrackerClient client(TrackerCredentials resolved, HttpOptions options) {
        return kind == Kind.GITHUB ? new GitHubClient(github, resolved, options)
                : new JiraClient(jira, resolved, options);
    }
}
