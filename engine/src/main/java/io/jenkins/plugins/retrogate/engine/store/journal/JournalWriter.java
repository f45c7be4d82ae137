package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Appends encoded records to the current segment and makes them durable with group commit.
 * {@link #append} runs under the store's command lock and only copies the bytes into a buffer;
 * {@link #awaitDurable} runs outside it. A waiter that finds no leader becomes the leader: it takes
 * everything buffered so far, writes it with one {@code pwrite} and forces it with one
 * {@code fdatasync}, publishes the state, and wakes exactly the waiters whose records are now
 * durable, plus one other to lead the next round. So a burst of concurrent writers pays for one
 * write and one force, not one each; no system call runs under the command lock (except when a full
 * segment is closed and the next one started), and waiters wait on their own thread, not on a
 * shared lock: yielding for a while, then parked ({@link #spinDeadline()}).
 *
 * <p>Batch size: when a round ends, the writers it wakes come back with their next records while
 * the next round would already be forcing the records of the others, so sixteen writers settle
 * into two cohorts of eight per force. A leader therefore first waits — yielding its core, at most
 * {@code commitDelayMicros} — until every thread inside {@code execute} has buffered its records,
 * which lets the woken cohort ride on the same force: 15–16 records per force instead of 8 with
 * sixteen writers (docs/performance.md). A lone writer never waits: it is the only thread inside.
 *
 * <p>Interrupts: the leader's {@code pwrite} and {@code fdatasync} run on a caller's thread, and
 * Jenkins interrupts build threads on abort and at shutdown. An interrupt during a
 * {@link FileChannel} operation closes the channel ({@link java.nio.channels.ClosedByInterruptException}),
 * which would leave the segment closed for every later command. So every operation on the segment
 * is interrupt-safe ({@link OpenSegment}): the segment is opened again and the round redone, and
 * the interrupt flag is set again before the caller returns. This was chosen over a dedicated I/O
 * thread because it costs the uninterrupted path nothing (one {@code Thread.interrupted()} per wait
 * and a try/catch), where a hand-off to another thread would add two wake-ups to every lone append.
 */
final class JournalWriter implements AutoCloseable {
    /** How long a leader waits for commands already under way; {@code -Dretrogate.journal.commitDelayMicros}. */
    private static final long COMMIT_DELAY_NANOS = 1_000L * Long.getLong("retrogate.journal.commitDelayMicros", 100);
    /** The longest a waiter yields before it parks; {@code -Dretrogate.journal.spinMicros}, 0 never to spin. */
    private static final long MAX_SPIN_NANOS = 1_000L * Long.getLong("retrogate.journal.spinMicros", 1_000);
    private final Path dir;
    private final long segmentBytes;
    private final ConcurrentSkipListMap<Long, Path> segments;
    private final Consumer<RetroState> publish;
    /** Threads inside {@code JournalStore.execute}: each will soon wait here, or leave (see {@link #lead()}). */
    private final AtomicInteger inside = new AtomicInteger();
    /** Who does I/O on the segment: the leader, or a thread starting the next segment. */
    private final AtomicBoolean leading = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final Object bufferLock = new Object();
    /** Bytes appended but not yet handed to the OS, and the state after them; bufferLock. */
    private byte[] buffer = new byte[1 << 16];
    private int buffered;
    /** The other buffer: the leader writes from one while writers fill the other; bufferLock. */
    private byte[] spare = new byte[1 << 16];
    private RetroState written;
    /** The segment appended to; only whoever holds {@link #leading} touches it. */
    private OpenSegment segment;
    private long segmentFirstSeq;
    /** The logical end of the segment, buffered bytes included; command lock. */
    private long logicalEnd;
    private volatile long durable;
    private final AtomicLong forces = new AtomicLong();
    /** A moving average of how long a write and force took (nanoseconds; 0 before the first); leader only writes it. */
    private volatile long forceNanos;
    /** How many times an interrupt closed the segment channel and it was opened again. */
    private final AtomicLong reopens = new AtomicLong();
    private volatile IOException failure;

    /** A thread waiting for its records to be durable; compared by identity. */
    static final class Waiter {
        private final Thread thread;
        private final long seq;

        private Waiter(Thread thread, long seq) {
            this.thread = thread;
            this.seq = seq;
        }

        Thread thread() {
            return thread;
        }

        long seq() {
            return seq;
        }
    }

    JournalWriter(Path dir, long segmentBytes, ConcurrentSkipListMap<Long, Path> segments, long segmentFirstSeq,
            long endOffset, RetroState state, Consumer<RetroState> publish) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
        this.publish = publish;
        this.segmentFirstSeq = segmentFirstSeq;
        this.segment = OpenSegment.open(segments.get(segmentFirstSeq), endOffset, segmentBytes, reopens);
        this.logicalEnd = endOffset;
        this.written = state;
        this.durable = state.sequence();
    }

    /** Where a record was put: the first sequence of its segment and its line's offset there. */
    record Placement(long segmentFirstSeq, long offset) {
    }

    /** A thread entered {@code execute}: its records will be buffered soon, or it will {@link #left leave}. */
    void entered() {
        inside.incrementAndGet();
    }

    /** A thread that {@link #entered} returns from {@code execute}. */
    void left() {
        inside.decrementAndGet();
    }

    /**
     * Buffers the records of {@code next} (starting at {@code firstSeq}); command lock held.
     *
     * @param lastLine the length of the last record's line, to report where it starts
     */
    Placement append(byte[] bytes, int lastLine, long firstSeq, RetroState next) throws IOException {
        if (logicalEnd > 0 && logicalEnd + bytes.length > segmentBytes) {
            rotate(firstSeq);
        }
        synchronized (bufferLock) {
            if (buffered + bytes.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + bytes.length));
            }
            System.arraycopy(bytes, 0, buffer, buffered, bytes.length);
            buffered += bytes.length;
            written = next;
        }
        logicalEnd += bytes.length;
        return new Placement(segmentFirstSeq, logicalEnd - lastLine);
    }

    /** Flushes and forces the full segment, then starts the next one; command lock held. */
    private void rotate(long firstSeq) throws IOException {
        boolean interrupted = Thread.interrupted();
        while (!leading.compareAndSet(false, true)) {
            LockSupport.parkNanos(20_000);
            interrupted |= Thread.interrupted();
        }
        try {
            if (failure != null) {
                throw failure;
            }
            RetroState target;
            byte[] bytes;
            int length;
            synchronized (bufferLock) {
                bytes = buffer;
                length = buffered;
                target = written;
                buffered = 0;
            }
            interrupted |= segment.finish(bytes, length);
            Path next = JournalFiles.segment(dir, firstSeq);
            segment = OpenSegment.create(next, segmentBytes, reopens);
            JournalFiles.syncDirectory(dir);
            segments.put(firstSeq, next);
            segmentFirstSeq = firstSeq;
            logicalEnd = 0;
            markDurable(target);
        } catch (IOException e) {
            failure = e;
            throw e;
        } finally {
            endRound();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Announces that {@code thread} will wait for the records up to {@code seq}: from now on the round
     * that makes them durable unparks it, and a round that ends before anybody wrote them may pick it
     * to lead. Called before the records are buffered, so no wake-up can be missed.
     */
    Waiter register(Thread thread, long seq) {
        Waiter waiter = new Waiter(thread, seq);
        waiters.add(waiter);
        return waiter;
    }

    /** Returns once every record up to {@code seq} is on disk and published to readers. */
    void awaitDurable(long seq) {
        if (durable >= seq) {
            return;
        }
        awaitDurable(register(Thread.currentThread(), seq));
    }

    /** Returns once the records {@code me} (a {@link #register}ed waiter of this thread) waits for are durable. */
    void awaitDurable(Waiter me) {
        long seq = me.seq();
        // Cleared so that park() really parks and a leader's I/O does not start on a closed channel;
        // set again on the way out, whatever happens.
        boolean interrupted = Thread.interrupted();
        long spinUntil = spinDeadline();
        try {
            while (durable < seq) {
                IOException error = failure;
                if (error != null) {
                    throw failed(error);
                }
                if (leading.compareAndSet(false, true)) {
                    try {
                        interrupted |= lead();
                    } finally {
                        endRound();
                    }
                } else {
                    pause(spinUntil);
                    interrupted |= Thread.interrupted();
                }
            }
        } finally {
            waiters.remove(me);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Until when (a {@link System#nanoTime()}) a waiter starting now yields its core before it parks: twice the average force, so that most
     * waits end while yielding, or nothing when that is more than {@code spinMicros} (1 ms by
     * default) — on a slow disk (NFS, a busy spindle) spinning would burn a core for nothing.
     * <p>Why spin at all: each wait ends in a wake-up from another thread, and on a virtual machine
     * a wake-up that reaches an idle core costs about 20 µs of CPU and latency (the core halted and
     * must be re-entered), against about 1 µs for a switch between runnable threads on a busy core.
     * Waiters that yield keep both cores runnable, see the round end at their next turn and need no
     * wake-up: sixteen writers went from ~55,000 to ~75,000 durable events/s on the benchmark VM, for
     * more CPU per event (docs/performance.md). A yielding thread still gives its core to any other
     * runnable thread at every turn.
     */
    long spinDeadline() {
        return System.nanoTime() + spinNanos(forceNanos, MAX_SPIN_NANOS);
    }

    static long spinNanos(long forceNanos, long maxSpinNanos) {
        long spin = 2 * forceNanos;
        return spin <= maxSpinNanos ? spin : 0;
    }

    /** Yields until {@code spinUntil} (a {@link System#nanoTime()}), parks after it; returns on a wake-up either way. */
    @SuppressWarnings("ThreadPriorityCheck") // a short spin for a force measured in microseconds, then park
    void pause(long spinUntil) {
        if (System.nanoTime() < spinUntil) {
            Thread.yield();
        } else {
            LockSupport.park(this);
        }
    }

    /**
     * Ends a round; the caller holds {@link #leading} and lets go of it here. The waiters whose
     * records are now durable are taken off the queue first, so that whoever leads next counts only
     * writers still waiting: counting the ones just made durable too, it would find nobody left to
     * wait for and force the one or two records buffered meanwhile on their own — a whole force for
     * a straggler, and a fifth of all rounds with sixteen writers (docs/performance.md).
     */
    private void endRound() {
        List<Thread> ready = List.of();
        try {
            ready = takeReady();
        } finally {
            leading.set(false); // whatever happens, the next round can have a leader
        }
        wakeUp(ready);
    }

    /** Takes the waiters whose records are durable (all of them once the writer failed) off the queue. */
    private List<Thread> takeReady() {
        long done = durable;
        boolean failed = failure != null;
        List<Thread> ready = new ArrayList<>();
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            if (waiter.seq() <= done || failed) {
                it.remove();
                ready.add(waiter.thread());
            }
        }
        return ready;
    }

    /**
     * Unparks one waiter whose records are not durable yet, to lead the next round, and then the
     * {@code ready} ones. The next leader goes first: it can start gathering the next round while the
     * others are still being woken, a few microseconds each.
     */
    private void wakeUp(List<Thread> ready) {
        if (failure == null) {
            long done = durable;
            for (Waiter waiter : waiters) {
                if (waiter.seq() > done) {
                    LockSupport.unpark(waiter.thread());
                    break;
                }
            }
        }
        for (Thread thread : ready) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Writes and forces everything buffered; the caller holds {@link #leading}. While other threads
     * inside {@code execute} have not buffered their records yet (concurrent writers, including those
     * the last round just woke), it first waits — yielding, at most 100 µs by default — so their
     * records ride on this force instead of the next one. A lone writer never waits.
     *
     * @return whether an interrupt arrived during the I/O (and was cleared to redo it)
     */
    @SuppressWarnings("ThreadPriorityCheck") // gathers the writers already inside for at most COMMIT_DELAY_NANOS
    private boolean lead() {
        long deadline = System.nanoTime() + COMMIT_DELAY_NANOS;
        while (inside.get() > waiters.size() && System.nanoTime() < deadline) {
            Thread.yield();
        }
        RetroState target;
        byte[] bytes;
        int length;
        synchronized (bufferLock) {
            bytes = buffer;
            length = buffered;
            target = written;
            buffer = spare;
            buffered = 0;
        }
        boolean interrupted = false;
        try {
            // Nothing buffered (its owner was woken to lead before it appended): no force, and
            // no near-free force pulling down the average that sets how long waiters spin.
            if (length > 0) {
                long start = System.nanoTime();
                interrupted = segment.appendAndForce(bytes, length);
                long took = System.nanoTime() - start;
                long average = forceNanos;
                forceNanos = average == 0 ? took : average + (took - average) / 8;
                forces.incrementAndGet();
            }
            markDurable(target);
        } catch (IOException e) {
            failure = e;
        } finally {
            synchronized (bufferLock) {
                spare = bytes.length > 1 << 22 ? new byte[1 << 16] : bytes;
            }
        }
        return interrupted;
    }

    /**
     * Publishes {@code target} and then moves {@link #durable} forward to it; the caller holds
     * {@link #leading}. In that order: a waiter returns as soon as it sees {@code durable} (yielding
     * waiters poll it), and its caller must then find its own records in {@code state()}.
     */
    private void markDurable(RetroState target) {
        if (target.sequence() > durable) {
            publish.accept(target);
            durable = target.sequence();
        }
    }

    /** The last sequence on disk and published (for tests). */
    long durable() {
        return durable;
    }

    /** Marks the writer failed: every waiter and later command gets an error. */
    void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        wakeUp(takeReady());
    }

    /** How many times the leader forced the segment: with concurrent writers, far fewer than records. */
    long forces() {
        return forces.get();
    }

    /** How many times an interrupt closed the segment and it was reopened (for tests and diagnostics). */
    long reopens() {
        return reopens.get();
    }

    IOException failure() {
        return failure;
    }

    static StoreException failed(IOException e) {
        return new StoreException(StoreException.Reason.IO, "the journal could not be written or forced to disk ("
                + e.getMessage() + "); events not acknowledged may be lost: close the store and open it again", e);
    }

    @Override
    public void close() throws IOException {
        RetroState last;
        synchronized (bufferLock) {
            last = written;
        }
        boolean interrupted = Thread.interrupted();
        try {
            awaitDurable(last.sequence());
        } finally {
            interrupted |= Thread.interrupted();
            while (!leading.compareAndSet(false, true)) {
                LockSupport.parkNanos(20_000);
                interrupted |= Thread.interrupted();
            }
            try {
                interrupted |= segment.close(failure == null);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
