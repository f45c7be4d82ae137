package io.jenkins.plugins.retrogate.engine.tracker;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What a response's headers say about the rate limit: GitHub's {@code x-ratelimit-remaining} and
 * {@code x-ratelimit-reset} (epoch seconds), Jira Cloud's {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset} (an ISO-8601 time), and the standard {@code Retry-After} (seconds or an
 * HTTP date). Headers that do not parse are ignored: they only tune waiting, never decide data.
 */
record RateLimit(Integer remaining, Instant resetAt, Duration retryAfter, Instant now) {

    static RateLimit of(HttpHeaders headers, Instant now) {
        Integer remaining = headers.firstValue("x-ratelimit-remaining").map(RateLimit::integer).orElse(null);
        Instant reset = headers.firstValue("x-ratelimit-reset").map(RateLimit::instant).orElse(null);
        Duration retryAfter = headers.firstValue("retry-after").flatMap(v -> retryAfter(v, now)).orElse(null);
        return new RateLimit(remaining, reset, retryAfter, now);
    }

    /** Whether the server said no calls are left before {@link #resetAt()}. */
    boolean exhausted() {
        return remaining != null && remaining <= 0 && resetAt != null && resetAt.isAfter(now);
    }

    /** How long the server asks us to wait, or {@code fallback} when it does not say. */
    Duration waitOr(Duration fallback) {
        if (retryAfter != null) {
            return retryAfter;
        }
        if (exhausted()) {
            return Duration.between(now, resetAt).plusSeconds(1);
        }
        return fallback;
    }

    /** When calls may resume, if the server said. */
    Instant until() {
        if (retryAfter != null) {
            return now.plus(retryAfter);
        }
        return exhausted() ? resetAt : null;
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String value) {
        String text = value.strip();
        try {
            return Instant.ofEpochSecond(Long.parseLong(text));
        } catch (NumberFormatException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Optional<Duration> retryAfter(String value, Instant now) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
