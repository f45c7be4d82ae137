package io.jenkins.plugins.retrogate.engine.tracker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.jenkins.plugins.retrogate.engine.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * JSON over HTTP to one tracker, with authentication, retries with exponential back-off, and respect
 * for the tracker's rate limits ({@code Retry-After}, {@code X-RateLimit-Remaining}/{@code -Reset},
 * 429). Only idempotent calls are retried after a failure the server may have half-done (5xx, I/O);
 * a 429 is retried for every call because the server did nothing. One instance per client; it remembers
 * an exhausted rate limit so that the next call waits for its reset instead of being refused.
 */
final class TrackerHttp {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final int MAX_ERROR_TEXT = 300;

    private final String vendor;
    private final URI base;
    private final String baseText;
    private final TrackerCredentials credentials;
    private final Map<String, String> headers;
    private final HttpOptions options;
    private volatile Instant notBefore = Instant.EPOCH;

    TrackerHttp(String vendor, URI base, TrackerCredentials credentials, Map<String, String> headers,
            HttpOptions options) {
        this.vendor = vendor;
        this.base = base;
        String text = base.toString();
        this.baseText = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.headers = Map.copyOf(headers);
        this.options = options;
    }

    /** An answer: its status and its JSON body ({@link MissingNode} when empty). */
    record Reply(int status, JsonNode body, HttpHeaders headers, String endpoint) {
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, true);
    }

    /**
     * Sends one call and returns the 2xx answer, retrying as the policy allows. {@code idempotent}
     * says whether the call may be repeated after a failure the server may have half-done.
     */
    Reply send(String method, String pathAndQuery, JsonNode body, boolean idempotent) {
        String endpoint = vendor + " " + method + " " + pathOnly(pathAndQuery);
        RetryPolicy retry = options.retry();
        for (int attempt = 1;; attempt++) {
            waitForRateLimit(endpoint);
            HttpResponse<String> response;
            try {
                response = options.httpClient().send(request(method, pathAndQuery, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (idempotent && attempt < retry.maxAttempts()) {
                    pause(retry.backoff(attempt), endpoint);
                    continue;
                }
                throw new TrackerException(TrackerException.Kind.UNAVAILABLE, endpoint + " could not be reached at "
                        + base.getHost() + " (" + e.getClass().getSimpleName() + "; tried " + attempt + " time"
                        + (attempt == 1 ? "" : "s") + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TrackerException(TrackerException.Kind.UNAVAILABLE, endpoint + " was interrupted", e);
            }
            RateLimit limit = RateLimit.of(response.headers(), options.clock().instant());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                if (limit.exhausted()) {
                    notBefore = limit.resetAt();
                }
                return new Reply(status, parse(endpoint, response.body()), response.headers(), endpoint);
            }
            Duration wait = waitBeforeRetry(status, limit, idempotent, attempt);
            if (wait != null && attempt < retry.maxAttempts() && wait.compareTo(retry.maxWait()) <= 0) {
                pause(wait, endpoint);
                continue;
            }
            throw failure(endpoint, status, limit, response.body(), attempt);
        }
    }

    /** The wait before trying again, or {@code null} when this status is not worth another try. */
    private Duration waitBeforeRetry(int status, RateLimit limit, boolean idempotent, int attempt) {
        if (isRateLimited(status, limit)) {
            return limit.waitOr(options.retry().backoff(attempt));
        }
        if (idempotent && (status == 500 || status == 502 || status == 503 || status == 504)) {
            return limit.waitOr(options.retry().backoff(attempt));
        }
        return null;
    }

    private static boolean isRateLimited(int status, RateLimit limit) {
        // GitHub signals its primary and secondary limits with 403 (or 429) plus these headers.
        return status == 429 || (status == 403 && (limit.exhausted() || limit.retryAfter() != null));
    }

    private TrackerException failure(String endpoint, int status, RateLimit limit, String body, int attempt) {
        String detail = errorText(body);
        String tries = attempt > 1 ? " after " + attempt + " attempts" : "";
        if (isRateLimited(status, limit)) {
            Instant until = limit.until();
            return new TrackerException(TrackerException.Kind.RATE_LIMITED, endpoint + " is rate-limited (HTTP "
                    + status + ")" + tries + (until == null ? "" : "; the limit resets at " + until) + detail);
        }
        if (status == 401 || status == 403) {
            return new TrackerException(TrackerException.Kind.UNAUTHORIZED, endpoint + " refused the credentials ("
                    + credentials + "): HTTP " + status + "; check the token, its expiry and its permissions" + detail);
        }
        if (status == 404 || status == 410) {
            return new TrackerException(TrackerException.Kind.NOT_FOUND, endpoint + " answered HTTP " + status
                    + ": it does not exist or these credentials cannot see it" + detail);
        }
        if (status >= 300 && status < 400) {
            return new TrackerException(TrackerException.Kind.NOT_FOUND, endpoint + " answered HTTP " + status
                    + " (moved, e.g. a transferred issue); update the ticket reference" + detail);
        }
        if (status >= 500) {
            return new TrackerException(TrackerException.Kind.UNAVAILABLE,
                    endpoint + " answered HTTP " + status + tries + detail);
        }
        return new TrackerException(TrackerException.Kind.REJECTED, endpoint + " answered HTTP " + status + detail);
    }

    /** The vendor's own error text (Jira {@code errorMessages}/{@code errors}, GitHub {@code message}), short and scrubbed. */
    private String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text;
        try {
            JsonNode node = MAPPER.readTree(body);
            StringBuilder out = new StringBuilder();
            node.path("errorMessages").forEach(m -> out.append(out.length() == 0 ? "" : "; ").append(m.asText()));
            node.path("errors").fields().forEachRemaining(
                    e -> out.append(out.length() == 0 ? "" : "; ").append(e.getKey()).append(": ").append(e.getValue().asText()));
            if (node.path("message").isTextual()) {
                out.append(out.length() == 0 ? "" : "; ").append(node.get("message").asText());
            }
            text = out.toString();
        } catch (JsonProcessingException e) {
            text = "";
        }
        if (text.isBlank()) {
            return "";
        }
        String clean = credentials.scrub(text.strip());
        return ": " + (clean.length() > MAX_ERROR_TEXT ? clean.substring(0, MAX_ERROR_TEXT) + "…" : clean);
    }

    private HttpRequest request(String method, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseText + pathAndQuery))
                .timeout(options.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "retro-gate")
                .header("Authorization", credentials.authorization());
        headers.forEach(builder::setHeader);
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json");
            try {
                builder.method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a request body", e);
            }
        }
        return builder.build();
    }

    private static JsonNode parse(String endpoint, String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TrackerException(TrackerException.Kind.UNEXPECTED_RESPONSE,
                    endpoint + " answered with a body that is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private void waitForRateLimit(String endpoint) {
        Instant now = options.clock().instant();
        if (!now.isBefore(notBefore)) {
            return;
        }
        Duration wait = Duration.between(now, notBefore);
        if (wait.compareTo(options.retry().maxWait()) > 0) {
            throw new TrackerException(TrackerException.Kind.RATE_LIMITED, endpoint
                    + " was not called: the rate limit is exhausted until " + notBefore);
        }
        pause(wait, endpoint);
    }

    private void pause(Duration wait, String endpoint) {
        try {
            options.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerException(TrackerException.Kind.UNAVAILABLE, endpoint + " was interrupted while waiting", e);
        }
    }

    private static String pathOnly(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }
}
