package io.jenkins.plugins.retrogate.engine.store.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The segment the journal appends to: one channel written at explicit positions, used by one
 * thread at a time (the group-commit leader, or whoever starts the next segment or closes the
 * store).
 *
 * <p>Interrupts: Jenkins interrupts build threads on abort and at shutdown, and an interrupt during
 * a {@link FileChannel} operation closes the channel. Every operation here is therefore
 * interrupt-safe (see {@link Interrupts}): the interrupt flag is cleared and remembered before the
 * I/O, and when an interrupt closes the channel anyway the segment is opened again and the operation
 * redone — positional writes of the same bytes at the same offsets, then the force, all idempotent —
 * so it completes (or fails only for a real I/O error). Each method returns whether it cleared an
 * interrupt; the caller sets the flag again before it returns.
 */
final class OpenSegment {
    private static final int PREALLOCATE = 1 << 20;
    private final Path file;
    private final long segmentBytes;
    /** Counts reopenings after an interrupt, across segments. */
    private final AtomicLong reopens;
    private FileChannel channel;
    /** The end of the data written so far. */
    private long position;
    /** The file's size: data, then zeros written ahead (see {@link #preallocate}). */
    private long allocated;
    /**
     * Whether bytes follow the data that this process did not write: a torn record of a process that
     * died while writing (or zeros it wrote ahead). Opening changes nothing; the first write cuts them.
     */
    private boolean foreignTail;
    /** Whether this process wrote to the segment (only then does closing cut the zeros written ahead). */
    private boolean wrote;

    private OpenSegment(Path file, FileChannel channel, long position, long allocated, long segmentBytes,
            AtomicLong reopens) {
        this.file = file;
        this.channel = channel;
        this.position = position;
        this.allocated = allocated;
        this.segmentBytes = segmentBytes;
        this.reopens = reopens;
    }

    /** Opens an existing (or new) segment whose data ends at {@code end}. */
    static OpenSegment open(Path file, long end, long segmentBytes, AtomicLong reopens) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        OpenSegment segment = new OpenSegment(file, channel, end, Math.max(end, channel.size()), segmentBytes, reopens);
        segment.foreignTail = channel.size() > end;
        return segment;
    }

    /**
     * Creates the next segment; it must not exist yet. Touches nothing that an interrupt could close
     * (opening a file is not interruptible): it is called while a writer rotates, interrupts and all.
     */
    static OpenSegment create(Path file, long segmentBytes, AtomicLong reopens) throws IOException {
        return new OpenSegment(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                0, 0, segmentBytes, reopens);
    }

    /** Writes {@code length} bytes after the data and forces them ({@code fdatasync}). */
    boolean appendAndForce(byte[] bytes, int length) throws IOException {
        long at = position;
        boolean interrupted = cutForeignTail();
        interrupted |= run(() -> {
            preallocate(at + length);
            writeFully(bytes, length, at);
            channel.force(false);
        });
        position = at + length;
        wrote = true;
        return interrupted;
    }

    /** Before the first write: cuts what a dead process left after the data (see {@link #foreignTail}). */
    private boolean cutForeignTail() throws IOException {
        if (!foreignTail) {
            return false;
        }
        long end = position;
        boolean interrupted = run(() -> {
            channel.truncate(end);
            channel.force(true);
        });
        allocated = end;
        foreignTail = false;
        return interrupted;
    }

    /** Writes the last bytes of a full segment, cuts the zeros written ahead, forces and closes it. */
    boolean finish(byte[] bytes, int length) throws IOException {
        long at = position;
        boolean interrupted = cutForeignTail();
        interrupted |= run(() -> {
            writeFully(bytes, length, at);
            channel.truncate(at + length);
            channel.force(true);
        });
        position = at + length;
        wrote = true;
        channel.close();
        return interrupted;
    }

    /**
     * Closes the segment; when {@code trim} and this process wrote to it, first cuts the zeros written
     * ahead and forces. A segment only read is left exactly as found.
     */
    boolean close(boolean trim) throws IOException {
        try {
            if (trim && wrote && allocated > position) {
                long end = position;
                return run(() -> {
                    channel.truncate(end);
                    channel.force(true);
                });
            }
            return false;
        } finally {
            channel.close();
        }
    }

    /**
     * Runs {@code io}; when an interrupt closed the channel, opens the file again and runs it again.
     * {@code io} must be idempotent: it writes at explicit positions, and only the callers above
     * advance {@link #position}, after it returned. Data a closed channel already wrote is in the page
     * cache of the same file and is written again anyway; the force on the new channel covers the
     * whole file. Interrupts that arrive meanwhile are cleared, so the next attempt does not fail on
     * entry.
     */
    private boolean run(Interrupts.Io io) throws IOException {
        boolean interrupted = false;
        int unexplained = 0;
        while (true) {
            try {
                io.run();
                return interrupted;
            } catch (ClosedChannelException e) {
                unexplained = Interrupts.retryOrThrow(e, unexplained);
                interrupted |= Thread.interrupted();
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already closed by the interrupt; nothing is lost, the data goes again
                }
                channel = FileChannel.open(file, StandardOpenOption.WRITE);
                reopens.incrementAndGet();
            }
        }
    }

    /**
     * Makes sure the file already extends to {@code end}, writing zeros a megabyte at a time ahead of
     * the data. An append then changes no file size, so its {@code fdatasync} has no metadata to
     * flush: about a third more forces per second on ext4. Start-up and readers stop at the zeros;
     * closing the store and finishing the segment cut them off.
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

    private void writeFully(byte[] bytes, int length, long at) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(bytes, 0, length);
        long offset = at;
        while (data.hasRemaining()) {
            offset += channel.write(data, offset);
        }
    }
}
