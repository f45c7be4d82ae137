package io.jenkins.plugins.retrogate.engine.store.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JournalStore} lays out its files and shares its directory.
 *
 * @param segmentBytes        a segment is closed and a new one started once it holds this many bytes
 * @param snapshotEvery       a snapshot is written in the background after this many events (0: never)
 * @param snapshotOnCloseAfter {@link JournalStore#close()} writes a snapshot when at least this many events
 *                            were recorded since the last one and at least one since the store was opened (0:
 *                            never): a session that recorded nothing changes no file
 * @param keepSnapshots       how many snapshot files are kept (at least 1)
 * @param lockWait            how long {@link JournalStore#open} waits for another process to release the
 *                            store's lock before it gives up (zero: not at all)
 * @param readOnly            open to read only: a shared lock (readers do not keep each other out), no file
 *                            created, changed or cut (a torn tail is left for the next writer), and every
 *                            command refused
 * @param historyOnDemand     decode a snapshot's history (deployments, closed items) only when something
 *                            reads it, not in the background from the start: for a process that lives for
 *                            one command (the CLI), which seldom reads it
 */
public record JournalOptions(long segmentBytes, long snapshotEvery, long snapshotOnCloseAfter, int keepSnapshots,
        Duration lockWait, boolean readOnly, boolean historyOnDemand) {

    /** The longest wait for the lock that may be asked for. */
    public static final Duration MAX_LOCK_WAIT = Duration.ofHours(1);

    public JournalOptions {
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes " + segmentBytes + " is too small: at least 4096");
        }
        if (snapshotEvery < 0 || snapshotOnCloseAfter < 0) {
            throw new IllegalArgumentException("snapshot thresholds must not be negative");
        }
        if (keepSnapshots < 1) {
            throw new IllegalArgumentException("keepSnapshots " + keepSnapshots + " must be at least 1");
        }
        Objects.requireNonNull(lockWait, "lockWait");
        if (lockWait.isNegative() || lockWait.compareTo(MAX_LOCK_WAIT) > 0) {
            throw new IllegalArgumentException("lockWait " + lockWait + " must be between 0 and " + MAX_LOCK_WAIT);
        }
    }

    /**
     * 64 MiB segments, a snapshot every 100,000 events and on close after 1,000, two snapshots kept,
     * no wait for the lock (one process owns the directory), read and write.
     */
    public static JournalOptions defaults() {
        return new JournalOptions(64L << 20, 100_000, 1_000, 2, Duration.ZERO, false, false);
    }

    public JournalOptions withSegmentBytes(long bytes) {
        return new JournalOptions(bytes, snapshotEvery, snapshotOnCloseAfter, keepSnapshots, lockWait,
                readOnly, historyOnDemand);
    }

    public JournalOptions withSnapshotEvery(long events) {
        return new JournalOptions(segmentBytes, events, snapshotOnCloseAfter, keepSnapshots, lockWait,
                readOnly, historyOnDemand);
    }

    public JournalOptions withSnapshotOnCloseAfter(long events) {
        return new JournalOptions(segmentBytes, snapshotEvery, events, keepSnapshots, lockWait, readOnly,
                historyOnDemand);
    }

    public JournalOptions withKeepSnapshots(int count) {
        return new JournalOptions(segmentBytes, snapshotEvery, snapshotOnCloseAfter, count, lockWait, readOnly,
                historyOnDemand);
    }

    /** Waits up to {@code wait} for another process to release the store (processes take turns). */
    public JournalOptions withLockWait(Duration wait) {
        return new JournalOptions(segmentBytes, snapshotEvery, snapshotOnCloseAfter, keepSnapshots, wait,
                readOnly, historyOnDemand);
    }

    /** Opens to read only (see {@link #readOnly()}). */
    public JournalOptions asReadOnly() {
        return new JournalOptions(segmentBytes, snapshotEvery, snapshotOnCloseAfter, keepSnapshots, lockWait,
                true, historyOnDemand);
    }

    /** Decodes a snapshot's history only when it is read (see {@link #historyOnDemand()}). */
    public JournalOptions withHistoryOnDemand() {
        return new JournalOptions(segmentBytes, snapshotEvery, snapshotOnCloseAfter, keepSnapshots, lockWait,
                readOnly,
                true);
    }

    /** Opens to read and write. */
    public JournalOptions asReadWrite() {
        return new JournalOptions(segmentBytes, snapshotEvery, snapshotOnCloseAfter, keepSnapshots, lockWait,
                false, historyOnDemand);
    }
}
