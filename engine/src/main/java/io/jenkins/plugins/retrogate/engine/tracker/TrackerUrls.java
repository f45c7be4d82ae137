package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks the base URLs administrators type: http(s), a host, no credentials, no query. */
final class TrackerUrls {
    private TrackerUrls() {
    }

    static URI base(String field, String raw) {
        String text = InvalidInputException.requireText(field, raw, 500);
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, text, "is not a URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || uri.getHost() == null) {
            throw new InvalidInputException(field, text, "must be an http(s) URL with a host, like https://acme.atlassian.net");
        }
        if (uri.getRawUserInfo() != null) {
            // Do not echo the value: it holds a credential.
            throw new InvalidInputException(field, "(hidden)", "must not contain a user name or password; use the credentials instead");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException(field, text, "must not have a query or fragment");
        }
        return uri;
    }
}
