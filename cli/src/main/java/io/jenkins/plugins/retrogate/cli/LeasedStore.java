package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.nio.file.Path;
import java.time.Duration;
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
    private final Path home;
    private final Duration lockWait;
    private volatile boolean closed;

    /** Opens the home once to create the store if there is none (a writer's open changes nothing else). */
    LeasedStore(Path home, Duration lockWait) {
        this.home = home;
        this.lockWait = lockWait;
        Stores.open(home, lockWait, false).close();
    }

    @Override
    public RetroState state() {
        ensureOpen();
        try (Store store = Stores.open(home, lockWait, true)) {
            return store.state();
        }
    }

    @Override
    public <R> R execute(Function<RetroState, Change<R>> command) {
        ensureOpen();
        Store store = Stores.open(home, lockWait, false);
        long atOpen = store.state().sequence();
        try {
            return store.execute(command);
        } finally {
            Stores.close(store, atOpen);
        }
    }

    @Override
    public List<RecordedEvent> events(long fromSequence, int limit) {
        ensureOpen();
        try (Store store = Stores.open(home, lockWait, true)) {
            return store.events(fromSequence, limit);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + home + " is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
