package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import io.jenkins.plugins.retrogate.engine.notify.OverrideNotifications;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.nio.file.Path;

/**
 * One command's use of a home: its policy, its open store (locked against other processes until
 * {@link #close}, which writes a snapshot when the store's own rule asks for one), the engine over them and the acting user. The CLI user holds both engine
 * permissions; four eyes still applies.
 */
final class Session implements AutoCloseable {
    final Path home;
    final GatePolicy policy;
    final Store store;
    final RetroGate engine;
    final Actor actor;

    /** Announces override requests after the store is closed; {@code null} when nothing is configured. */
    private final Notifications notifications;

    Session(Path home, GatePolicy policy, Store store, RetroGate engine, Actor actor) {
        this(home, policy, store, engine, actor, null);
    }

    Session(Path home, GatePolicy policy, Store store, RetroGate engine, Actor actor, Notifications notifications) {
        this.home = home;
        this.policy = policy;
        this.store = store;
        this.engine = engine;
        this.actor = actor;
        this.notifications = notifications;
    }

    @Override
    public void close() {
        store.close();
        if (notifications != null) {
            notifications.deliverAfterClose();
        }
    }

    /**
     * The notifications a session's commands called for: delivered once the store is closed (the home's
     * lock is not held while a receiver is slow), and what could not be delivered recorded in a short
     * second visit to the store, and said on stderr. A failure here never changes what the command did.
     */
    record Notifications(OverrideNotifications pending, StoreBackend backend, GatePolicy policy, Clock clock,
            PrintWriter err) {
        void deliverAfterClose() {
            if (!pending.hasPending()) {
                return;
            }
            List<NotificationFailed> failed = pending.deliver();
            for (NotificationFailed f : failed) {
                err.println("retro-gate: could not notify " + f.format() + " " + f.target() + " of " + f.subject()
                        + " " + f.kind() + " after " + f.attempts() + " tries (" + f.error() + "); it shows in the report");
            }
            err.flush();
            if (!failed.isEmpty()) {
                try (Store again = backend.open()) {
                    new RetroGate(again, () -> policy, clock).recordNotificationFailures(failed);
                } catch (RuntimeException e) {
                    err.println("retro-gate: the failed notifications could not be recorded either: " + e.getMessage());
                    err.flush();
                }
            }
        }
    }
}
