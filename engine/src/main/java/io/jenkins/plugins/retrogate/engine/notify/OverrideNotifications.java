package io.jenkins.plugins.retrogate.engine.notify;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the notifications that the commands of one engine call for ({@link RetroGate#onRecorded}),
 * whatever front-end ran them, and delivers them when told ({@link #deliver()}: the CLI before it exits,
 * Jenkins on a thread of its own). The caller records what could not be delivered
 * ({@link RetroGate#recordNotificationFailures}), when it holds the store again: delivery may take seconds.
 */
public final class OverrideNotifications implements Consumer<List<Event>> {
    private final RetroGate engine;
    private final Notifier notifier;
    private final List<Notification> pending = new ArrayList<>();

    private OverrideNotifications(RetroGate engine, Notifier notifier) {
        this.engine = engine;
        this.notifier = notifier;
    }

    /** Starts listening to {@code engine}'s commands (nothing when {@code notifier} has no target). */
    public static OverrideNotifications listen(RetroGate engine, Notifier notifier) {
        OverrideNotifications notifications = new OverrideNotifications(engine, notifier);
        if (!notifier.isEmpty()) {
            engine.onRecorded(notifications);
        }
        return notifications;
    }

    @Override
    public synchronized void accept(List<Event> events) {
        pending.addAll(Notification.of(events, engine.state()));
    }

    /** Whether anything waits to be delivered. */
    public synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Delivers what waits; returns what could not be delivered, for the caller to record. */
    public List<NotificationFailed> deliver() {
        List<Notification> now;
        synchronized (this) {
            now = List.copyOf(pending);
            pending.clear();
        }
        if (now.isEmpty()) {
            return List.of();
        }
        return notifier.deliver(now);
    }
}
