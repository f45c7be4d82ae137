package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Appends encoded records to the current segment and makes them durable with group commit.
 * {@link #append} runs under the store's command lock and only copies the bytes into a buffer;
 * {@link #awaitDurable} runs outside it: the first waiter becomes the leader, writes everything
 * buffered so far with one {@code pwrite} and forces it with one {@code fdatasync}; the others wait
 * for it and usually find their records durable. So a burst of concurrent writers pays for one
 * write and one force, not one each, and no system call runs under the command lock (except when a
 * segment is full and the next one is started).
 */
final class JournalWriter implements AutoCloseable {
    private final Path dir;
    private final long segmentBytes;
    private final ConcurrentSkipListMap<Long, Path> segments;
    private final Consumer<RetroState> publish;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Condition synced = syncLock.newCondition();
    private final Object bufferLock = new Object();
    /** Bytes appended but not yet handed to the OS, and the state after them; bufferLock. */
    private byte[] buffer = new byte[1 << 16];
    private int buffered;
    /** The other buffer: the leader writes from one while writers fill the other. */
    private byte[] spare = new byte[1 << 16];
    private RetroState written;
    /** Where the buffered bytes go: the current segment and its size once they are written; syncLock. */
    private FileChannel channel;
    private long segmentFirstSeq;
    private long position;
    /** The logical end of the segment, buffered bytes included; command lock. */
    private long logicalEnd;
    private long durable;
    private boolean syncing;
    private IOException failure;

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
        this.logicalEnd = endOffset;
        this.written = state;
        this.durable = state.sequence();
    }

    /** Where a record was put: the first sequence of its segment and its line's offset there. */
    record Placement(long segmentFirstSeq, long offset) {
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
        syncLock.lock();
        try {
            while (syncing) {
                synced.awaitUninterruptibly();
            }
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
            channel.force(false);
            channel.close();
            Path next = JournalFiles.segment(dir, firstSeq);
            channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            JournalFiles.syncDirectory(dir);
            segments.put(firstSeq, next);
            segmentFirstSeq = firstSeq;
            position = 0;
            logicalEnd = 0;
            if (target.sequence() > durable) {
                durable = target.sequence();
                publish.accept(target);
            }
            synced.signalAll();
        } catch (IOException e) {
            failure = e;
            synced.signalAll();
            throw e;
        } finally {
            syncLock.unlock();
        }
    }

    /** Returns once every record up to {@code seq} is on disk and published to readers. */
    void awaitDurable(long seq) {
        syncLock.lock();
        try {
            while (durable < seq) {
                if (failure != null) {
                    throw failed(failure);
                }
                if (syncing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                lead();
            }
        } finally {
            syncLock.unlock();
        }
    }

    /** Writes and forces everything buffered; called with syncLock held, releases it while doing I/O. */
    private void lead() {
        syncing = true;
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
        FileChannel current = channel;
        long at = position;
        position += length;
        syncLock.unlock();
        IOException error = null;
        try {
            writeFully(current, bytes, length, at);
            current.force(false);
        } catch (IOException e) {
            error = e;
        } finally {
            synchronized (bufferLock) {
                spare = bytes.length > 1 << 22 ? new byte[1 << 16] : bytes;
            }
            syncLock.lock();
        }
        syncing = false;
        if (error != null) {
            failure = error;
        } else if (target.sequence() > durable) {
            durable = target.sequence();
            publish.accept(target);
        }
        synced.signalAll();
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
        syncLock.lock();
        try {
            if (failure == null) {
                failure = e;
            }
            synced.signalAll();
        } finally {
            syncLock.unlock();
        }
    }

    IOException failure() {
        syncLock.lock();
        try {
            return failure;
        } finally {
            syncLock.unlock();
        }
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
            channel.close();
        }
    }
}
