package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 * segment is closed and the next one started), and waiters park on their own thread, not on a
 * shared lock.
 */
final class JournalWriter implements AutoCloseable {
    /** How long a leader waits for commands already under way; {@code -Dretrogate.journal.commitDelayMicros}. */
    private static final int PREALLOCATE = 1 << 20;
    private static final long COMMIT_DELAY_NANOS = 1_000L * Long.getLong("retrogate.journal.commitDelayMicros", 100);
    private final Path dir;
    private final long segmentBytes;
    private final ConcurrentSkipListMap<Long, Path> segments;
    private final Consumer<RetroState> publish;
    /** Commands that have started but not yet buffered their records (see {@link #lead()}). */
    private final AtomicInteger arriving = new AtomicInteger();
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
    /** The current segment and its size on disk; only whoever holds {@link #leading} touches them. */
    private FileChannel channel;
    private long segmentFirstSeq;
    private long position;
    /** The segment file's size: data, then zeros written ahead (see {@link #preallocate}). */
    private long allocated;
    /** The logical end of the segment, buffered bytes included; command lock. */
    private long logicalEnd;
    private volatile long durable;
    private volatile long forces;
    private volatile IOException failure;

    private record Waiter(Thread thread, long seq) {
    }

    JournalWriter(Path dir, long segmentBytes, ConcurrentSkipListMap<Long, Path> segments, long segmentFirstSeq,
            long endOffset, RetroState state, Consumer<RetroState> publish) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
        this.publish = publish;
        this.segmentFirstSeq = segmentFirstSeq;
        this.channel = FileChannel.open(segments.get(segmentFirstSeq), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        this.position = endOffset;
        this.allocated = Math.max(endOffset, channel.size());
        this.logicalEnd = endOffset;
        this.written = state;
        this.durable = state.sequence();
    }

    /** Where a record was put: the first sequence of its segment and its line's offset there. */
    record Placement(long segmentFirstSeq, long offset) {
    }

    /** A command is about to run; its records will be buffered soon (or it will call {@link #departed}). */
    void arriving() {
        arriving.incrementAndGet();
    }

    /** The command that called {@link #arriving} buffered its records, recorded nothing, or failed. */
    void departed() {
        arriving.decrementAndGet();
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
        while (!leading.compareAndSet(false, true)) {
            LockSupport.parkNanos(20_000);
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
            writeFully(channel, bytes, length, position);
            position += length;
            channel.truncate(position);
            channel.force(true);
            channel.close();
            Path next = JournalFiles.segment(dir, firstSeq);
            channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            allocated = 0;
            JournalFiles.syncDirectory(dir);
            segments.put(firstSeq, next);
            segmentFirstSeq = firstSeq;
            position = 0;
            logicalEnd = 0;
            if (target.sequence() > durable) {
                durable = target.sequence();
                publish.accept(target);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        } finally {
            leading.set(false);
            wakeUp();
        }
    }

    /** Returns once every record up to {@code seq} is on disk and published to readers. */
    void awaitDurable(long seq) {
        if (durable >= seq) {
            return;
        }
        Waiter me = new Waiter(Thread.currentThread(), seq);
        waiters.add(me);
        try {
            while (durable < seq) {
                IOException error = failure;
                if (error != null) {
                    throw failed(error);
                }
                if (leading.compareAndSet(false, true)) {
                    try {
                        lead();
                    } finally {
                        leading.set(false);
                    }
                    wakeUp();
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            waiters.remove(me);
        }
    }

    /** Unparks the waiters whose records are durable (or all on failure) and one more to lead next. */
    private void wakeUp() {
        long done = durable;
        boolean failed = failure != null;
        boolean nextLeader = false;
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter waiter = it.next();
            if (waiter.seq() <= done || failed) {
                it.remove();
                LockSupport.unpark(waiter.thread());
            } else if (!nextLeader) {
                nextLeader = true;
                LockSupport.unpark(waiter.thread());
            }
        }
    }

    /**
     * Writes and forces everything buffered; the caller holds {@link #leading}. When other commands
     * are already on their way (concurrent writers), it first waits a little — at most 100 µs by
     * default — so their records ride on this force instead of waiting for the next one. A lone
     * writer never waits.
     */
    private void lead() {
        long deadline = System.nanoTime() + COMMIT_DELAY_NANOS;
        while (arriving.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000);
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
        try {
            preallocate(position + length);
            writeFully(channel, bytes, length, position);
            position += length;
            channel.force(false);
            forces++;
            if (target.sequence() > durable) {
                durable = target.sequence();
                publish.accept(target);
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            synchronized (bufferLock) {
                spare = bytes.length > 1 << 22 ? new byte[1 << 16] : bytes;
            }
        }
    }

    /**
     * Makes sure the segment file already extends to {@code end}, writing zeros a megabyte at a time
     * ahead of the data. An append then changes no file size, so its {@code fdatasync} has no
     * metadata to flush: about a third more forces per second on ext4. Start-up and readers stop at
     * the zeros; {@link #close()} and rotation cut them off.
     */
    private void preallocate(long end) throws IOException {
        if (end <= allocated) {
            return;
        }
        long target = Math.max(end, Math.min(allocated + PREALLOCATE, Math.max(segmentBytes, end)));
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(PREALLOCATE, target - allocated));
        long at = allocated;
        while (at < target) {
            zeros.clear();
            zeros.limit((int) Math.min(zeros.capacity(), target - at));
            at += channel.write(zeros, at);
        }
        allocated = target;
    }

    private static void writeFully(FileChannel channel, byte[] bytes, int length, long at) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(bytes, 0, length);
        long offset = at;
        while (data.hasRemaining()) {
            offset += channel.write(data, offset);
        }
    }

    /** Marks the writer failed: every waiter and later command gets an error. */
    void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
        wakeUp();
    }

    /** How many times the leader forced the segment: with concurrent writers, far fewer than records. */
    long forces() {
        return forces;
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
        try {
            awaitDurable(last.sequence());
        } finally {
            while (!leading.compareAndSet(false, true)) {
                LockSupport.parkNanos(20_000);
            }
            try {
                if (failure == null && allocated > position) {
                    channel.truncate(position);
                    channel.force(true);
                }
            } finally {
                channel.close();
            }
        }
    }
}
