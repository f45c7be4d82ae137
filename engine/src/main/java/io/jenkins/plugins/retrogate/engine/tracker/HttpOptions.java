package io.jenkins.plugins.retrogate.engine.tracker;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The plumbing a tracker client shares: the JDK HTTP client, the per-request timeout, the retry
 * policy, and the clock and sleeper (injected so tests neither wait nor depend on the time of day).
 */
public record HttpOptions(HttpClient httpClient, Duration requestTimeout, RetryPolicy retry, Clock clock,
        Sleeper sleeper) {

    public HttpOptions {
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** 10 s to connect, 30 s per request, {@link RetryPolicy#defaults()}, the system clock, real sleeps. */
    public static HttpOptions defaults() {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                // Never follow: a redirect to another host must not receive the Authorization header.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new HttpOptions(client, Duration.ofSeconds(30), RetryPolicy.defaults(), Clock.systemUTC(),
                Sleeper.SYSTEM);
    }

    public HttpOptions withRetry(RetryPolicy newRetry) {
        return new HttpOptions(httpClient, requestTimeout, newRetry, clock, sleeper);
    }

    public HttpOptions withClock(Clock newClock) {
        return new HttpOptions(httpClient, requestTimeout, retry, newClock, sleeper);
    }

    public HttpOptions withSleeper(Sleeper newSleeper) {
        return new HttpOptions(httpClient, requestTimeout, retry, clock, newSleeper);
    }
}
