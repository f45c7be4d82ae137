package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import java.util.List;
import java.util.function.Function;

/**
 * The home's store, held only while a command runs or a read is made: for work that waits on the
 * network between its commands ({@code tracker sync}), so that the gates of other pipelines are not
 * kept out meanwhile. Every command still runs on the latest state, under the lock, and is durable
 * before it returns; between commands other processes may record events, which the next read or
 * command sees.
 */
final class LeasedStore implements Store {
    private final StoreBackend backend;
    private volatile boolean closed;

    /** Opens the store once to create it if there is none (a writer's open changes nothing else). */
    LeasedStore(StoreBackend backend) {
        this.backend = backend;
        backend.open().close();
    }

    @Override
    public RetroState state() {
        ensureOpen();
        try (Store store = backend.openReadOnly()) {
            return store.state();
        }
    }

    @Override
    public <R> R execute(Function<RetroState, Change<R>> command) {
        ensureOpen();
        try (Store store = backend.open()) {
            return store.execute(command);
        }
    }

    @Override
    public List<RecordedEvent> events(long fromSequence, int limit) {
        ensureOpen();
        try (Store store = backend.openReadOnly()) {
            return store.events(fromSequence, limit);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + backend.location() + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
