package io.jenkins.plugins.retrogate.config;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import io.jenkins.plugins.retrogate.engine.notify.Notification;
import io.jenkins.plugins.retrogate.engine.notify.NotificationTarget;
import io.jenkins.plugins.retrogate.engine.notify.Notifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces what the engine's commands did to override requests, whichever step, page or endpoint ran
 * them: on a thread of Jenkins' timer, never on the caller's (a slow receiver holds up nobody), with the
 * receivers of {@link NotificationSettings} resolved at that moment. What could not be delivered is
 * recorded ({@code notification-failed}) and shows in the report; it never changes a decision.
 */
final class NotificationDispatch {
    private static final Logger LOGGER = Logger.getLogger(NotificationDispatch.class.getName());

    private NotificationDispatch() {
    }

    /** Listens to {@code engine}'s commands. */
    static void listen(RetroGate engine) {
        engine.onRecorded(events -> recorded(engine, events));
    }

    private static void recorded(RetroGate engine, List<Event> events) {
        List<Notification> notifications = Notification.of(events, engine.state());
        if (notifications.isEmpty()) {
            return;
        }
        jenkins.util.Timer.get().submit(() -> deliver(engine, notifications));
    }

    private static void deliver(RetroGate engine, List<Notification> notifications) {
        NotificationSettings settings = NotificationSettings.get();
        if (settings == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<NotificationTarget> targets = settings.targets(problems);
        problems.forEach(problem -> LOGGER.warning(() -> "Retro Gate notifications: " + problem));
        if (targets.isEmpty()) {
            return;
        }
        List<NotificationFailed> failed = Notifier.of(targets, Clock.systemUTC()).deliver(notifications);
        if (failed.isEmpty()) {
            return;
        }
        failed.forEach(f -> LOGGER.warning(() -> "Retro Gate could not notify " + f.format() + " " + f.target() + " of "
                + f.subject() + " " + f.kind() + " after " + f.attempts() + " tries: " + f.error()));
        try {
            engine.recordNotificationFailures(failed);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Retro Gate could not record the failed notifications", e);
        }
    }
}
