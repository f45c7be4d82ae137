package io.jenkins.plugins.retrogate.engine.notify;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where notifications go: a URL and the payload it takes ({@link Format#JSON} for a generic webhook,
 * {@link Format#SLACK} for a Slack-compatible incoming webhook). With a secret, each JSON delivery is
 * signed ({@code X-Retro-Gate-Signature: sha256=<HMAC-SHA256 of the body>}). The secret and the URL's path
 * never appear in messages: only {@link #shown()}.
 */
public final class NotificationTarget {
    /** The payload a receiver takes. */
    public enum Format { JSON, SLACK }

    private final URI url;
    private final Format format;
    @CheckForNull
    private final String secret;

    private NotificationTarget(URI url, Format format, @CheckForNull String secret) {
        this.url = url;
        this.format = format;
        this.secret = secret;
    }

    /**
     * A target from configuration; {@code field} names where the URL came from in the error.
     *
     * @throws InvalidInputException naming the field when the URL is not http(s) with a host, or the format unknown
     */
    public static NotificationTarget of(String field, String url, String format, @CheckForNull String secret) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, redacted(url), "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidInputException(field, redacted(url), "is not an http:// or https:// URL with a host");
        }
        Format chosen;
        String name = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "json" -> chosen = Format.JSON;
            case "slack" -> chosen = Format.SLACK;
            default -> throw new InvalidInputException(field.replace("url", "format"), format, "is not one of json, slack");
        }
        return new NotificationTarget(uri, chosen, secret == null || secret.isEmpty() ? null : secret);
    }

    public URI url() {
        return url;
    }

    public Format format() {
        return format;
    }

    @CheckForNull
    String secret() {
        return secret;
    }

    /** The scheme and host only: what messages and the record may show. */
    public String shown() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    private static String redacted(@CheckForNull String url) {
        if (url == null) {
            return "";
        }
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return path < 0 || url.indexOf("//") < 0 ? url : url.substring(0, path) + "/…";
    }

    @Override
    public String toString() {
        return format.name().toLowerCase(Locale.ROOT) + " " + shown();
    }
}
