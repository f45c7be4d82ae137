package io.jenkins.plugins.retrogate.engine.store;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.List;
import java.util.function.Function;

/**
 * Where events are kept. Commands run one at a time against the latest state (so decisions are
 * linearizable and no update is lost); their events are made durable before {@link #execute}
 * returns, and only then published to readers. Readers call {@link #state()}, which never waits.
 */
public interface Store extends AutoCloseable {

    /** The state after the last durable event: an immutable snapshot, returned without waiting. */
    RetroState state();

    /**
     * Runs {@code command} on the latest state, records the events it returns and returns its
     * result once they are durable. A command that throws records nothing. The command must be a
     * function of the state it is given and nothing else: a store may run it on another caller's
     * thread (the journal runs queued commands in one go under load), so it must not depend on
     * thread-local context such as the current user.
     */
    <R> R execute(Function<RetroState, Change<R>> command);

    /**
     * Calls {@code listener} each time events recorded by another process have been folded into
     * {@link #state()}, on the store's own thread: it must return quickly. A store that no other
     * process writes (the journal, held by one process) never calls it.
     */
    default void onOthersEvents(Runnable listener) {
    }

    /** Up to {@code limit} recorded events with a sequence number of at least {@code fromSequence}. */
    List<RecordedEvent> events(long fromSequence, int limit);

    /**
     * What keeps this store, now, from following the events other processes record — a shared
     * database that cannot be reached, since when and why — or {@code null} when nothing does (a store
     * of one process never falls behind). Commands, gate decisions included, read the latest events
     * themselves, so while this is set they fail (and production gates are refused); this is for an
     * administrator to see without waiting for a deployment to fail.
     */
    default String trouble() {
        return null;
    }

    /** Flushes and releases the store; further calls fail. */
    @Override
    void close();
}
