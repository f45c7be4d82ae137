package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.tracker.HttpOptions;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerClient;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerCredentials;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSecret;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetup;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetups;

/**
 * One tracker of {@code tracker.yaml}: the engine's checked {@link TrackerSetup}, whose credentials are
 * the name of the environment variable holding the token, and where it sits in the file.
 *
 * @param path  where it sits in the file ({@code ""} or {@code trackers[1].}), for messages
 * @param setup the engine's settings
 */
record TrackerEntry(String path, TrackerSetup setup) {

    String tokenVariable() {
        return setup.credentials();
    }

    /** Builds the client with the token from the environment; a missing token is bad input that names the variable. */
    TrackerClient client(CliEnvironment environment, HttpOptions options) {
        String token = environment.variable(tokenVariable());
        if (token == null) {
            throw new BadInputException("the " + TrackerSetups.name(setup.system()) + " token is missing: set the"
                    + " environment variable " + tokenVariable() + " (" + path + "tokenVariable in "
                    + TrackerConfig.FILE + "); the token is never read from a file or a flag");
        }
        TrackerSecret secret = TrackerSecret.of(token);
        return setup.client(setup.user() == null ? TrackerCredentials.bearer(secret)
                : TrackerCredentials.basic(setup.user(), secret), options);
    }

    @Override
    public String toString() {
        return setup.kind().text() + " tracker" + (setup.user() == null ? "" : " as " + setup.user())
                + ", token from $" + tokenVariable();
    }
}
