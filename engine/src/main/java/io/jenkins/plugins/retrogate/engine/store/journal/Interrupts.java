package io.jenkins.plugins.retrogate.engine.store.journal;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;

/**
 * File I/O that a {@link Thread#interrupt()} cannot break. Jenkins interrupts a build's threads when
 * the build is aborted and every thread at shutdown; a {@link java.nio.channels.FileChannel} whose
 * thread is interrupted in (or on entering) a read, write or force is <em>closed</em> and throws
 * {@link ClosedByInterruptException}. The journal's I/O runs on whichever caller thread leads a
 * group commit, so without care one aborted build would close the segment for everybody.
 *
 * <p>The rule here (see {@code docs/storage.md}, "Interrupts"): clear the interrupt flag and
 * remember it before the I/O; when an interrupt closes the channel anyway, open it again and redo
 * the work, which is idempotent (positional writes of the same bytes at the same offsets, then the
 * force); set the flag again before returning, so the caller still sees that it was interrupted.
 * The operation thus completes (or fails for a real I/O error) exactly as if nobody had interrupted.
 */
final class Interrupts {
    /** Redo attempts after a channel was closed without an interrupt (never expected; a guard against looping). */
    private static final int MAX_UNEXPLAINED_CLOSES = 3;

    private Interrupts() {
    }

    /** An idempotent piece of file I/O: running it again after a partial run gives the same result. */
    @FunctionalInterface
    interface Io {
        void run() throws IOException;
    }

    /**
     * Runs {@code io}, running it again whenever an interrupt closed the channel it used; the action
     * opens its own channels, so each attempt gets fresh ones. The thread's interrupt flag is cleared
     * while it runs and set again afterwards if it was set before or an interrupt arrived meanwhile.
     */
    static void run(Io io) throws IOException {
        boolean interrupted = Thread.interrupted();
        try {
            int unexplained = 0;
            while (true) {
                try {
                    io.run();
                    return;
                } catch (ClosedChannelException e) {
                    unexplained = retryOrThrow(e, unexplained);
                    interrupted |= Thread.interrupted();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Decides whether a {@link ClosedChannelException} (including its subclasses
     * {@link java.nio.channels.AsynchronousCloseException} and {@link ClosedByInterruptException}) may
     * be answered by reopening and redoing: always when an interrupt caused it (each redo needs a new
     * interrupt, so this ends), a few times otherwise. Returns the new count of unexplained closes.
     */
    static int retryOrThrow(ClosedChannelException e, int unexplained) throws ClosedChannelException {
        if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
            return unexplained;
        }
        if (unexplained >= MAX_UNEXPLAINED_CLOSES) {
            throw e;
        }
        return unexplained + 1;
    }
}
