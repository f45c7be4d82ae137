package io.jenkins.plugins.retrogate.engine.store.journal;

/**
 * How a {@link JournalStore} lays out its files.
 *
 * @param segmentBytes        a segment is closed and a new one started once it holds this many bytes
 * @param snapshotEvery       a snapshot is written in the background after this many events (0: never)
 * @param snapshotOnCloseAfter {@link JournalStore#close()} writes a snapshot when at least this many events
 *                            were recorded since the last one (0: never)
 * @param keepSnapshots       how many snapshot files are kept (at least 1)
 */
public record JournalOptions(long segmentBytes, long snapshotEvery, long snapshotOnCloseAfter, int keepSnapshots) {

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
    }

    /** 64 MiB segments, a snapshot every 100,000 events and on close after 1,000, two snapshots kept. */
    public static JournalOptions defaults() {
        return new JournalOptions(64L << 20, 100_000, 1_000, 2);
    }

    public JournalOptions withSegmentBytes(long bytes) {
        return new JournalOptions(bytes, snapshotEvery, snapshotOnCloseAfter, keepSnapshots);
    }

    public JournalOptions withSnapshotEvery(long events) {
        return new JournalOptions(segmentBytes, events, snapshotOnCloseAfter, keepSnapshots);
    }

    public JournalOptions withSnapshotOnCloseAfter(long events) {
        return new JournalOptions(segmentBytes, snapshotEvery, events, keepSnapshots);
    }

    public JournalOptions withKeepSnapshots(int count) {
        return new JournalOptions(segmentBytes, snapshotEvery, snapshotOnCloseAfter, count);
    }
}
