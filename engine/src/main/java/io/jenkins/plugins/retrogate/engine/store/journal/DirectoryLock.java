package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Exactly one writer per store directory: an OS lock on {@code store.lock}, which also names the
 * holder (pid, host, since) for the error message others get; readers share a lock and keep writers
 * (not each other) out. A process that finds it held waits its turn up to a bound, or gives up at once
 * when the bound is zero. The OS drops the lock when the process dies, so a {@code kill -9} leaves no
 * stale lock.
 */
final class DirectoryLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean shared;
    /** Closes a waiting channel at its deadline (a thread only while someone waits). */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private DirectoryLock(Path file, FileChannel channel, FileLock lock, boolean shared) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.shared = shared;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "retro-gate-lock-wait");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(1, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    static DirectoryLock acquire(Path dir) {
        return acquire(dir, Duration.ZERO, false);
    }

    /**
     * Takes the lock, waiting up to {@code wait} for other processes to release it: an exclusive lock
     * for a writer (its pid, host and start are written into the file for the others' messages), a
     * shared one for a reader (readers do not keep each other out and write nothing).
     *
     * @throws StoreException LOCKED when the wait is over and the lock is still held elsewhere
     */
    static DirectoryLock acquire(Path dir, Duration wait, boolean shared) {
        Path file = dir.resolve(JournalFiles.LOCK);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel, shared);
            if (lock == null && !wait.isZero()) {
                lock = await(file, channel, System.nanoTime() + wait.toNanos(), shared);
            }
            if (lock == null) {
                String holder = holder(file);
                closeQuietly(channel);
                String waited = wait.isZero() ? "" : " (waited " + describe(wait) + ")";
                throw new StoreException(StoreException.Reason.LOCKED, "the store " + dir
                        + " is in use by another process" + waited + ": the lock file " + file + " is held by "
                        + holder + (wait.isZero()
                                ? "; stop that process (or point this one at another directory) and try again"
                                : "; wait longer (the CLI's --lock-wait or $RETRO_GATE_LOCK_WAIT) or find out why"
                                        + " that process holds it so long"));
            }
            if (!shared) {
                byte[] me = describeMe().getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(me), 0);
                channel.force(false);
            }
            return new DirectoryLock(file, channel, lock, shared);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Reason.IO, "cannot lock the store: " + file + ": " + e, e);
        }
    }

    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException e) {
            return null; // held by this process (another store object on the same directory)
        }
    }

    /**
     * Waits until the lock can be had or the deadline passes: another process's lock in the kernel (a
     * blocking lock, cut short at the deadline by closing the channel), this process's own lock
     * (another store object on the same directory) by polling.
     *
     * @return the lock, or {@code null} when the deadline passed (the channel is closed then)
     */
    private static FileLock await(Path file, FileChannel channel, long deadline, boolean shared) throws IOException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> closeQuietly(channel), left, TimeUnit.NANOSECONDS);
            try {
                FileLock lock = channel.lock(0, Long.MAX_VALUE, shared);
                return disarm(alarm, channel) ? lock : null;
            } catch (AsynchronousCloseException e) {
                disarm(alarm, channel);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw interrupted(file);
                }
                return null;
            } catch (OverlappingFileLockException e) {
                if (!disarm(alarm, channel)) {
                    return null;
                }
                try {
                    Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 10)));
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw interrupted(file);
                }
            }
        }
    }

    /** Cancels the alarm, or waits until it has run; returns whether the channel is still open. */
    private static boolean disarm(ScheduledFuture<?> alarm, FileChannel channel) {
        if (!alarm.cancel(false)) {
            try {
                alarm.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | CancellationException e) {
                // closing never fails; either way the channel's state answers
            }
        }
        return channel.isOpen();
    }

    private static StoreException interrupted(Path file) {
        return new StoreException(StoreException.Reason.LOCKED, "interrupted while waiting for the lock " + file);
    }

    private static String describe(Duration wait) {
        long millis = wait.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
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
            if (!shared) {
                channel.truncate(0);
            }
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
