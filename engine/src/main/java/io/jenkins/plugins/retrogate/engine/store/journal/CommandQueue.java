package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The store's command lock, taken by flat combining: callers queue their commands, and the thread
 * that gets the lock runs every command queued so far, its own and the others'. The others never
 * take the lock at all — they wait once (yielding, then parked: {@link JournalWriter#spinDeadline()}),
 * until their records are durable — so concurrent writers
 * do not hand the lock to each other (a wake-up and a context switch each). Whoever unlocks looks at
 * the queue again, so no command is left behind.
 */
final class CommandQueue {
    /** Runs one queued command; called with the lock held. */
    @FunctionalInterface
    interface Runner {
        /** Runs the request's command; returns the last sequence it buffered, 0 if none. */
        long run(Request<?> request);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Request<?>> pending = new ConcurrentLinkedQueue<>();
    private final Runner runner;
    /** Whose waiting policy a caller follows while its command waits to run (yield, then park). */
    private final JournalWriter writer;

    CommandQueue(Runner runner, JournalWriter writer) {
        this.runner = runner;
        this.writer = writer;
    }

    /** Whether the calling thread is running commands right now (a command must not queue another). */
    boolean runningHere() {
        return lock.isHeldByCurrentThread();
    }

    void add(Request<?> request) {
        pending.add(request);
    }

    /** How many commands are waiting. */
    int size() {
        return pending.size();
    }

    /**
     * Runs queued commands while the lock is free. An interrupt that arrives meanwhile is kept from
     * the next command and set again at the end.
     *
     * @return the last sequence this thread buffered for anybody, 0 if none
     */
    long combine() {
        long combined = 0;
        boolean interrupted = false;
        while (!pending.isEmpty() && lock.tryLock()) {
            try {
                Request<?> next;
                while ((next = pending.poll()) != null) {
                    interrupted |= Thread.interrupted();
                    combined = Math.max(combined, runner.run(next));
                }
            } finally {
                lock.unlock();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return combined;
    }

    /**
     * Returns once {@code request} has run, here or on another thread, running queued commands
     * whenever the lock is free. Interrupts do not cut the wait short; the flag is set again at the
     * end.
     *
     * @return the last sequence this thread buffered for anybody, 0 if none
     */
    long awaitRun(Request<?> request) {
        boolean interrupted = Thread.interrupted();
        long combined = combine();
        interrupted |= Thread.interrupted();
        long spinUntil = writer.spinDeadline();
        while (!request.done) {
            writer.pause(spinUntil);
            interrupted |= Thread.interrupted();
            combined = Math.max(combined, combine());
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return combined;
    }

    /** Runs {@code action} alone under the lock, then the commands queued meanwhile. */
    void exclusively(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
        combine();
    }

    /** A command waiting to run, on its own thread or on whichever caller holds the lock. */
    static final class Request<R> {
        final Function<RetroState, Change<R>> command;
        final Thread owner;
        R result;
        /** The sequence of the state its result rests on: its last event's, or the state it read. */
        long ticket;
        Throwable failure;
        JournalWriter.Waiter waiter;
        /** Written last by the thread that ran the command; the fields above are read after it. */
        volatile boolean done;

        Request(Function<RetroState, Change<R>> command, Thread owner) {
            this.command = command;
            this.owner = owner;
        }

        /** Rethrows what the command threw, as it was, on its caller's thread. */
        @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // T is inferred unchecked: the sneaky throw
        static <T extends Throwable> T sneaky(Throwable failure) throws T {
            throw (T) failure;
        }
    }
}
