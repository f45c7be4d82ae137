package io.jenkins.plugins.retrogate.engine.tracker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * How a client authenticates: HTTP basic auth with a user name and an API token (Jira Cloud:
 * e-mail address and API token; Jira Data Center: user name and password or token), or a bearer
 * token (Jira Data Center personal access token, GitHub token). The token is a {@link TrackerSecret}
 * and stays out of {@link #toString()}.
 */
public final class TrackerCredentials {
    private final String username;
    private final TrackerSecret secret;

    private TrackerCredentials(String username, TrackerSecret secret) {
        this.username = username;
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    /** Basic auth: {@code username} is not secret (it is shown in messages), {@code token} is. */
    public static TrackerCredentials basic(String username, TrackerSecret token) {
        if (username == null || username.isBlank() || username.contains(":")) {
            throw new TrackerException(TrackerException.Kind.CONFIGURATION,
                    "the tracker user name is missing or contains ':'; basic auth needs a user name (Jira Cloud: the e-mail address)");
        }
        return new TrackerCredentials(username.strip(), token);
    }

    /** A bearer token: a Jira Data Center personal access token or a GitHub token. */
    public static TrackerCredentials bearer(TrackerSecret token) {
        return new TrackerCredentials(null, token);
    }

    /** The user name of basic auth, {@code null} for a bearer token. */
    public String username() {
        return username;
    }

    String authorization() {
        if (username == null) {
            return "Bearer " + secret.reveal();
        }
        String pair = username + ":" + secret.reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Removes the secret (and its basic-auth encoding) from a text that came back from a server. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replace(secret.reveal(), "******");
        String header = authorization();
        String encoded = header.substring(header.indexOf(' ') + 1);
        return clean.replace(encoded, "******");
    }

    @Override
    public String toString() {
        return username == null ? "bearer token ******" : "basic auth as " + username + " with token ******";
    }
}
