package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One tracker sync per home at a time ({@code tracker-sync.lock}): the sync holds the store only
 * while each of its commands runs, so this lock is what keeps a second sync from filing the same
 * tickets. It keeps out only other syncs, never the gate. A second sync is refused at once: the one
 * running does the same work.
 */
final class TrackerSyncLock implements AutoCloseable {
    static final String FILE = "tracker-sync.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private TrackerSyncLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static TrackerSyncLock acquire(Path home) {
        Path file = home.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(home);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new StoreException(StoreException.Reason.LOCKED, "another tracker sync is running on " + home
                        + " (it holds " + file + "); it does the same work: let it finish");
            }
            return new TrackerSyncLock(channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // reported below
                }
            }
            throw new StoreException(StoreException.Reason.IO, "cannot lock " + file + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released with the channel
        } finally {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
