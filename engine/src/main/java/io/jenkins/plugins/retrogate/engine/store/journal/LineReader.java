package io.jenkins.plugins.retrogate.engine.store.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a segment line by line from a given offset, knowing where each line starts. The returned
 * line array is reused by the next call.
 */
final class LineReader implements AutoCloseable {
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private byte[] line = new byte[4096];
    private int lineLength;
    private long lineOffset;
    private boolean terminated;
    private long position;
    private boolean eof;
    private boolean padding;

    LineReader(Path file, long from) throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        // up to 1 MiB, but no more than the file holds: a small store's command need not clear a megabyte
        long left = channel.size() - from;
        buffer = ByteBuffer.allocate((int) Math.min(1 << 20, Math.max(1 << 13, left)));
        channel.position(from);
        position = from;
        buffer.limit(0);
    }

    /** Reads the next line; false at the end of the file. */
    boolean next() throws IOException {
        lineOffset = position;
        lineLength = 0;
        terminated = false;
        while (true) {
            if (!buffer.hasRemaining()) {
                if (eof || !fill()) {
                    return lineLength > 0;
                }
            }
            byte[] array = buffer.array();
            int start = buffer.position();
            int limit = buffer.limit();
            int i = start;
            while (i < limit && array[i] != '\n' && array[i] != 0) {
                i++;
            }
            append(array, start, i - start);
            if (i < limit && array[i] == 0) {
                // NUL bytes: space the writer preallocated, or a write that never happened.
                buffer.position(i);
                position = lineOffset + lineLength;
                padding = true;
                return lineLength > 0;
            }
            if (i < limit) {
                buffer.position(i + 1);
                position = lineOffset + lineLength + 1;
                terminated = true;
                return true;
            }
            buffer.position(limit);
            position = lineOffset + lineLength;
        }
    }

    private boolean fill() throws IOException {
        buffer.clear();
        int read = channel.read(buffer);
        buffer.flip();
        if (read <= 0) {
            eof = true;
            return false;
        }
        return true;
    }

    private void append(byte[] source, int from, int count) {
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + count));
        }
        System.arraycopy(source, from, line, lineLength, count);
        lineLength += count;
    }

    byte[] line() {
        return line;
    }

    int length() {
        return lineLength;
    }

    /** Where the current line starts in the file. */
    long offset() {
        return lineOffset;
    }

    /** Where the next line starts (the end of the valid data once the last good line was read). */
    long end() {
        return position;
    }

    /**
     * Whether reading stopped at a NUL byte: {@link #end()} is where it is. The writer preallocates
     * segment space with zeros, so after a crash the last segment ends in them.
     */
    boolean padding() {
        return padding;
    }

    /** Whether the current line ended with a newline (a torn write does not). */
    boolean terminated() {
        return terminated;
    }

    /** Whether every byte from {@code from} to the end of the file is a NUL or a newline. */
    static boolean onlyPadding(Path file, long from) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            ch.position(from);
            while (ch.read(chunk) > 0) {
                chunk.flip();
                while (chunk.hasRemaining()) {
                    byte b = chunk.get();
                    if (b != 0 && b != '\n') {
                        return false;
                    }
                }
                chunk.clear();
            }
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
