package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Exactly one owner per store directory: an OS lock ({@link FileChannel#tryLock()}) on
 * {@code store.lock}, which also names the holder (pid, host, since) for the error message others
 * get. The OS drops the lock when the process dies, so a {@code kill -9} leaves no stale lock.
 */
final class DirectoryLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) {
        Path file = dir.resolve(JournalFiles.LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw new StoreException(StoreException.Reason.LOCKED, "the store " + dir
                        + " is in use by another process: the lock file " + file + " is held by " + holder
                        + "; stop that process (or point this one at another directory) and try again");
            }
            byte[] me = describeMe().getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me), 0);
            channel.force(false);
            return new DirectoryLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Reason.IO, "cannot lock the store: " + file + ": " + e, e);
        }
    }

    /** Who holds the lock, as written in the lock file. */
    static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "an unknown process" : text;
        } catch (IOException e) {
            return "an unknown process (" + e.getMessage() + ")";
        }
    }

    private static String describeMe() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return "pid " + ProcessHandle.current().pid() + " on host " + host + " since " + Instant.now() + "\n";
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
