package io.jenkins.plugins.retrogate.engine.notify;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers notifications to every target: a {@code POST} of the payload, retried after each wait of
 * {@code backOff} (doubling from the first) on a connection failure, a time-out or a status that is not
 * 2xx; what still failed after the last try comes back as a {@code notification-failed} event to record.
 * Nothing here throws for a receiver's failure, and nothing here decides anything.
 */
public final class Notifier {
    /** The header that carries the JSON body's HMAC-SHA256 when the target has a secret. */
    public static final String SIGNATURE = "X-Retro-Gate-Signature";
    private static final int ATTEMPTS = 4;

    private final List<NotificationTarget> targets;
    private final Duration backOff;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;

    public Notifier(List<NotificationTarget> targets, Duration backOff, Duration timeout, Clock clock) {
        this.targets = List.copyOf(targets);
        this.backOff = backOff;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Half a second, then 1 s and 2 s between the four tries; 5 s for each. */
    public static Notifier of(List<NotificationTarget> targets, Clock clock) {
        return new Notifier(targets, Duration.ofMillis(500), Duration.ofSeconds(5), clock);
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    /** Delivers each notification to each target; the deliveries that failed, as events to record. */
    public List<NotificationFailed> deliver(List<Notification> notifications) {
        List<NotificationFailed> failed = new ArrayList<>();
        for (Notification notification : notifications) {
            for (NotificationTarget target : targets) {
                String error = send(target, notification);
                if (error != null) {
                    failed.add(new NotificationFailed(clock.instant(), "retro-gate", notification.subject(),
                            notification.kind(), target.format().name().toLowerCase(java.util.Locale.ROOT),
                            target.shown(), ATTEMPTS, error));
                }
            }
        }
        return failed;
    }

    /** Sends with retries; {@code null} once delivered, else the last failure. */
    @CheckForNull
    private String send(NotificationTarget target, Notification notification) {
        String body = (target.format() == NotificationTarget.Format.SLACK ? notification.slack()
                : notification.json()).toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url()).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "retro-gate")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        String secret = target.secret();
        if (secret != null) {
            request.header(SIGNATURE, "sha256=" + hmac(secret, body));
        }
        String error = null;
        Duration wait = backOff;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return null;
                }
                error = "HTTP " + response.statusCode() + " from " + target.shown();
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + " reaching " + target.shown()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage().replace(target.url().toString(), target.shown()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while notifying " + target.shown();
            }
            if (attempt < ATTEMPTS && !sleep(wait)) {
                return "interrupted while notifying " + target.shown();
            }
            wait = wait.multipliedBy(2);
        }
        return error;
    }

    /** The hex HMAC-SHA256 of {@code body} under {@code secret}: what a receiver recomputes to trust a call. */
    public static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
