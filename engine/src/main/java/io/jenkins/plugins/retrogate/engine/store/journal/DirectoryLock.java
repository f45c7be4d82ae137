package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.model.CanonicalTime;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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
 *
 * <p>Within one JVM the lock file is opened by one channel at a time: OS file locks belong to the
 * process, and closing <em>any</em> descriptor of the file drops them all. So a second store object
 * on the same directory in the same JVM never touches the file: it joins the shared hold of the readers,
 * or waits (on a monitor) until the JVM's hold ends.
 */
final class DirectoryLock implements AutoCloseable {
    /** The JVM's hold on each lock file; guarded by itself. */
    private static final Map<Path, Hold> HELD = new HashMap<>();
    /** Cuts a kernel wait short at its deadline by closing the waiting channel (a thread only while someone waits). */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Path file;
    private final Hold hold;
    private boolean closed;

    /** This JVM's hold on one lock file: one channel, one OS lock, how many store objects share it. */
    private static final class Hold {
        final boolean shared;
        FileChannel channel;
        FileLock lock;
        /** 0 while the OS lock is being taken; others in this JVM wait meanwhile. */
        int holders;

        Hold(boolean shared) {
            this.shared = shared;
        }
    }

    private DirectoryLock(Path file, Hold hold) {
        this.file = file;
        this.hold = hold;
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
        return acquire(dir, Duration.ZERO, false, () -> { });
    }

    /**
     * Takes the lock, waiting up to {@code wait} for other holders to release it: an exclusive lock
     * for a writer (its pid, host and start are written into the file for the others' messages), a
     * shared one for a reader (readers do not keep each other out, and write nothing). When another
     * process holds it, {@code whileWaiting} runs first (within the wait): work that shortens this
     * process's turn; a failure of it is ignored.
     *
     * @throws StoreException LOCKED when the wait is over and the lock is still held elsewhere
     */
    static DirectoryLock acquire(Path dir, Duration wait, boolean shared, Runnable whileWaiting) {
        Path file = dir.resolve(JournalFiles.LOCK);
        long deadline = System.nanoTime() + wait.toNanos();
        Hold hold;
        synchronized (HELD) {
            while (true) {
                Hold held = HELD.get(file);
                if (held == null) {
                    hold = new Hold(shared);
                    HELD.put(file, hold); // others in this JVM wait until it is taken or given up
                    break;
                }
                if (shared && held.shared && held.holders > 0) {
                    held.holders++;
                    return new DirectoryLock(file, held);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw locked(dir, file, wait, null);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(HELD, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw interrupted(file);
                }
            }
        }
        boolean taken = false;
        try {
            takeFromTheSystem(dir, file, hold, deadline, wait, whileWaiting);
            taken = true;
        } finally {
            synchronized (HELD) {
                if (taken) {
                    hold.holders = 1;
                } else {
                    HELD.remove(file);
                }
                HELD.notifyAll();
            }
        }
        return new DirectoryLock(file, hold);
    }

    private static void takeFromTheSystem(Path dir, Path file, Hold hold, long deadline, Duration wait,
            Runnable whileWaiting) {
        FileChannel channel = null;
        try {
            channel = open(file, hold.shared);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, hold.shared);
            if (lock == null && !wait.isZero()) {
                try {
                    whileWaiting.run();
                } catch (RuntimeException e) {
                    // only a head start: the store is opened, and any fault shown, once the lock is ours
                }
                lock = await(file, channel, deadline, hold.shared);
            }
            if (lock == null) {
                closeQuietly(channel);
                throw locked(dir, file, wait, holder(file));
            }
            if (!hold.shared) {
                byte[] me = describeMe().getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(me), 0);
                channel.force(false);
            }
            hold.channel = channel;
            hold.lock = lock;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException(StoreException.Reason.IO, "cannot lock the store: " + file + ": " + e, e);
        }
    }

    /** A reader needs only read access (a read-only home works); the file is created only when missing. */
    private static FileChannel open(Path file, boolean shared) throws IOException {
        if (shared) {
            try {
                return FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                // a store no writer ever opened here: the lock file is made once
            }
        }
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The refusal; {@code holder} {@code null} when the holder is another store object of this JVM. */
    private static StoreException locked(Path dir, Path file, Duration wait, String holder) {
        String waited = wait.isZero() ? "" : " (waited " + describe(wait) + ")";
        String who = holder == null
                ? " is in use by another store object in this process, pid " + pid() + waited
                        + " (" + file + ")"
                : " is in use by another process" + waited + ": the lock file " + file + " is held by " + holder;
        return new StoreException(StoreException.Reason.LOCKED, "the store " + dir + who + (wait.isZero()
                        ? "; stop that process (or point this one at another directory) and try again"
                        : "; wait longer (the CLI's --lock-wait or $RETRO_GATE_LOCK_WAIT) or find out why that"
                                + " process holds it so long"));
    }

    /**
     * Waits in the kernel until another process releases the lock, cut short at the deadline by
     * closing the channel.
     *
     * @return the lock, or {@code null} when the deadline passed (the channel is closed then)
     */
    private static FileLock await(Path file, FileChannel channel, long deadline, boolean shared) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> closeQuietly(channel), left, TimeUnit.NANOSECONDS);
        try {
            FileLock lock = channel.lock(0, Long.MAX_VALUE, shared);
            // the alarm may have gone off just as the lock came: then the channel, and the lock, are gone
            return disarm(alarm, channel) ? lock : null;
        } catch (ClosedChannelException e) { // the alarm, before or during the wait, or an interrupt
            disarm(alarm, channel);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw interrupted(file);
            }
            return null;
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

    /**
     * Who holds the lock, as written in the lock file. Only called when this JVM holds no lock on the
     * file (closing the descriptor read here would drop it).
     */
    static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "one or more readers, or an unknown process" : text;
        } catch (IOException e) {
            return "an unknown process (" + e.getMessage() + ")";
        }
    }

    private static String describeMe() {
        return "pid " + pid() + " on host " + hostName() + " since " + CanonicalTime.text(Instant.now()) + "\n";
    }

    /**
     * This process's id as it knows it itself: on Linux the last field of {@code NSpid} in
     * {@code /proc/self/status} (its own PID namespace's number, even where {@code /proc} is a parent
     * namespace's), as every command takes a lock and ProcessHandle's first use costs start-up ~1.5 ms;
     * elsewhere, or without that line, ProcessHandle's answer.
     */
    static long pid() {
        try {
            String status = "\n" + Files.readString(Path.of("/proc/self/status"), StandardCharsets.UTF_8);
            int line = status.indexOf("\nNSpid:");
            if (line >= 0) {
                int end = status.indexOf('\n', line + 1);
                String numbers = status.substring(line + "\nNSpid:".length(), end < 0 ? status.length() : end).strip();
                int last = Math.max(numbers.lastIndexOf('\t'), numbers.lastIndexOf(' '));   // no regex: start-up
                return Long.parseLong(numbers.substring(last + 1));
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no readable status: ProcessHandle below
        }
        return ProcessHandle.current().pid();
    }

    /**
     * This machine's name as the kernel knows it, without asking a name service: a lock is taken on every
     * command, and a resolver that is slow or down must not hold it up (the JDK's own way looks the name up).
     */
    static String hostName() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | SecurityException e) {
            // not Linux: the variables, else the JDK's way
        }
        for (String variable : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            if (--hold.holders > 0) {
                return;
            }
            try {
                if (!hold.shared) {
                    hold.channel.truncate(0);
                }
                hold.lock.release();
            } catch (IOException e) {
                // the lock goes with the channel anyway
            } finally {
                closeQuietly(hold.channel);
                HELD.remove(file);
                HELD.notifyAll();
            }
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
