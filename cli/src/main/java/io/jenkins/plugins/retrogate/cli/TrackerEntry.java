package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.tracker.GitHubClient;
import io.jenkins.plugins.retrogate.engine.tracker.GitHubSettings;
import io.jenkins.plugins.retrogate.engine.tracker.HttpOptions;
import io.jenkins.plugins.retrogate.engine.tracker.JiraClient;
import io.jenkins.plugins.retrogate.engine.tracker.JiraSettings;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerClient;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerCredentials;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSecret;

/**
 * One tracker of {@code tracker.yaml}, its settings checked by the engine when the file is read.
 * The token is not here: {@link #client} takes it from the environment variable {@code tokenVariable}.
 *
 * @param path          where it sits in the file ({@code ""} or {@code trackers[1].}), for messages
 * @param kind          the file's {@code kind}
 * @param jira          the Jira settings, for a Jira kind
 * @param github        the GitHub settings, for {@code github}
 * @param user          the basic-auth user (Jira), or null for a bearer token
 * @param tokenVariable the environment variable holding the token
 * @param fileTickets   whether a sync files tickets here for OPEN items that have none
 */
record TrackerEntry(String path, Kind kind, JiraSettings jira, GitHubSettings github, String user,
        String tokenVariable, boolean fileTickets) {

    /** The values of {@code kind}. */
    enum Kind {
        JIRA_CLOUD("jira-cloud"), JIRA_DATA_CENTER("jira-data-center"), GITHUB("github");

        final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    TicketSystem system() {
        return kind == Kind.GITHUB ? TicketSystem.GITHUB : TicketSystem.JIRA;
    }

    /** Builds the client with the token from the environment; a missing token is bad input that names the variable. */
    TrackerClient client(CliEnvironment environment, HttpOptions options) {
        String token = environment.variable(tokenVariable);
        if (token == null) {
            throw new BadInputException("the " + TrackerConfig.name(system()) + " token is missing: set the environment"
                    + " variable " + tokenVariable + " (" + path + "tokenVariable in " + TrackerConfig.FILE
                    + "); the token is never read from a file or a flag");
        }
        TrackerSecret secret = TrackerSecret.of(token);
        TrackerCredentials credentials = user == null ? TrackerCredentials.bearer(secret)
                : TrackerCredentials.basic(user, secret);
        return kind == Kind.GITHUB ? new GitHubClient(github, credentials, options)
                : new JiraClient(jira, credentials, options);
    }

    @Override
    public String toString() {
        return kind.text + " tracker" + (user == null ? "" : " as " + user) + ", token from $" + tokenVariable;
    }
}
