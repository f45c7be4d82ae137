package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Appends encoded records to the current segment and makes them durable with group commit.
 * {@link #append} runs under the store's command lock (it only copies bytes into the page cache);
 * {@link #awaitDurable} runs outside it: the first waiter becomes the leader and forces the segment
 * once for everything written so far, the others wait for it and usually find their records
 * already durable. So a burst of concurrent writers pays for one {@code fdatasync}, not one each.
 */
final class JournalWriter implements AutoCloseable {
    private final Path dir;
    private final long segmentBytes;
    private final ConcurrentSkipListMap<Long, Path> segments;
    private final Consumer<RetroState> publish;
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Condition synced = syncLock.newCondition();
    private FileChannel channel;
    private long position;
    /** The state after the last written record; volatile so the leader sees it without the command lock. */
    private volatile RetroState written;
    private long durable;
    private boolean syncing;
    private IOException failure;

    JournalWriter(Path dir, long segmentBytes, ConcurrentSkipListMap<Long, Path> segments, Path segment,
            long endOffset, RetroState state, Consumer<RetroState> publish) throws IOException {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
        this.publish = publish;
        this.channel = FileChannel.open(segment, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        this.position = endOffset;
        this.written = state;
        this.durable = state.sequence();
    }

    /** Writes the records of {@code next} (which starts at sequence {@code firstSeq}); command lock held. */
    void append(byte[] bytes, long firstSeq, RetroState next) throws IOException {
        if (position > 0 && position + bytes.length > segmentBytes) {
            rotate(firstSeq);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
        position = at;
        written = next;
    }

    /** Starts a new segment; the old one is forced first, with no leader forcing it at the same time. */
    private void rotate(long firstSeq) throws IOException {
        syncLock.lock();
        try {
            while (syncing) {
                synced.awaitUninterruptibly();
            }
            channel.force(false);
            channel.close();
            Path next = JournalFiles.segment(dir, firstSeq);
            channel = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            JournalFiles.syncDirectory(dir);
            segments.put(firstSeq, next);
            position = 0;
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
                syncing = true;
                RetroState target = written;
                FileChannel current = channel;
                syncLock.unlock();
                IOException error = null;
                try {
                    current.force(false);
                } catch (IOException e) {
                    error = e;
                } finally {
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
        } finally {
            syncLock.unlock();
        }
    }

    /** Marks the writer failed (a write went wrong): every waiter and later command gets an error. */
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
        awaitDurable(written.sequence());
        channel.close();
    }
}
