package io.jenkins.plugins.retrogate.engine.store;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/** A store that keeps its events in memory only: for tests and the engine's own checks. */
public final class InMemoryStore implements Store {
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<RecordedEvent> log = new ArrayList<>();
    private volatile RetroState state = RetroState.empty();
    private volatile boolean closed;

    @Override
    public RetroState state() {
        return state;
    }

    @Override
    public <R> R execute(Function<RetroState, Change<R>> command) {
        writeLock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the store is closed");
            }
            Change<R> change = command.apply(state);
            RetroState next = state;
            for (Event event : change.events()) {
                next = next.apply(next.sequence() + 1, event);
            }
            for (long seq = state.sequence() + 1; seq <= next.sequence(); seq++) {
                log.add(new RecordedEvent(seq, change.events().get((int) (seq - state.sequence() - 1))));
            }
            state = next;
            return change.result();
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public List<RecordedEvent> events(long fromSequence, int limit) {
        writeLock.lock();
        try {
            int from = (int) Math.max(0, Math.min(log.size(), fromSequence - 1));
            return List.copyOf(log.subList(from, Math.min(log.size(), from + Math.max(0, limit))));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
