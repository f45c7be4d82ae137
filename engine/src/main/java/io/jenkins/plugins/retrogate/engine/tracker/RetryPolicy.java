package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.time.Duration;

/**
 * How hard a client tries: up to {@code maxAttempts} calls, waiting {@code initialBackoff},
 * doubling up to {@code maxBackoff} between them; a server's {@code Retry-After} or rate-limit
 * reset is honoured instead when it says more, but a single wait longer than {@code maxWait} is
 * not made: the call fails as rate-limited and the next sync tries again.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxWait) {

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new InvalidInputException("maxAttempts", maxAttempts, "must be between 1 and 10");
        }
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("maxWait", maxWait);
    }

    /** Four attempts, 1 s, 2 s, 4 s apart (at most 30 s), waiting at most 60 s for a rate limit. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** The back-off before attempt {@code attempt + 1}, after {@code attempt} failed ones (1-based). */
    public Duration backoff(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static void requirePositive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field, value, "must be a positive duration");
        }
    }
}
