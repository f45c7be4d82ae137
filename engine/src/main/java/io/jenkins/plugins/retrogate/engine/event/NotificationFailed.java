package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/**
 * A notification about an override request could not be delivered, after every retry. Recorded so the
 * report shows it; it never changes a decision. {@code target} is the receiver's scheme and host only
 * (a webhook's path often holds its secret).
 *
 * @param subject  the request (or override) the notification was about
 * @param kind     what happened to it: {@code requested}, {@code approved}, {@code denied}, {@code expired}
 * @param format   {@code json} (a generic webhook) or {@code slack}
 * @param attempts how many times delivery was tried
 * @param error    the last attempt's failure
 */
public record NotificationFailed(Instant at, String actor, String subject, String kind, String format, String target,
        int attempts, String error) implements Event {
}
