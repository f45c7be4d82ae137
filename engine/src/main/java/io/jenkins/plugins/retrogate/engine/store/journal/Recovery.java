package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.snapshot.HistoryUnreadableException;
import io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Start-up: loads the newest usable snapshot, checks the journal from the snapshot's own record on
 * (from the first record without a snapshot) and folds the events after it. A torn tail (an unfinished
 * write of a process that died) is left out of the state but left in the file: start-up changes nothing,
 * the next write cuts it ({@link OpenSegment}).
 * A corrupted record stops it with an error naming file, offset and sequence, before anything is
 * changed.
 */
final class Recovery {

    /** What start-up found. */
    record Recovered(RetroState state, JournalStore.Mark last, long endOffset, List<JournalFiles.Numbered> segments,
            long snapshotSeq) {
    }

    private Recovery() {
    }

    static Recovered recover(Path dir) throws IOException {
        return recover(dir, false, false);
    }

    /** With {@code readOnly}, an empty directory is read as an empty store without creating its first segment. */
    static Recovered recover(Path dir, boolean readOnly, boolean historyOnDemand) throws IOException {
        return recover(dir, readOnly, historyOnDemand, Long.MAX_VALUE);
    }

    /** The same, from the newest snapshot below sequence {@code below}. */
    private static Recovered recover(Path dir, boolean readOnly, boolean historyOnDemand, long below)
            throws IOException {
        SnapshotFile.Loaded base = newestSnapshot(dir, historyOnDemand, below);
        try {
            return recover(dir, readOnly, base);
        } catch (HistoryUnreadableException e) {
            long seq = base == null ? 0 : base.state().sequence();
            JournalStore.Log.LOG.log(Level.WARNING, "Ignoring snapshot " + JournalFiles.snapshot(dir, seq) + " (" + e.getMessage()
                    + "); the journal will be replayed from an older snapshot or from the start");
            return recover(dir, readOnly, historyOnDemand, seq);
        }
    }

    private static Recovered recover(Path dir, boolean readOnly, SnapshotFile.Loaded base) throws IOException {
        List<JournalFiles.Numbered> segments = JournalFiles.segments(dir);
        long baseSeq = base == null ? 0 : base.state().sequence();
        if (segments.isEmpty()) {
            if (baseSeq > 0) {
                throw corrupted("the snapshot at sequence " + baseSeq + " has no journal: every segment file is missing");
            }
            Path first = JournalFiles.segment(dir, 1);
            if (!readOnly) {
                FileChannel.open(first, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
                JournalFiles.syncDirectory(dir);
            }
            return new Recovered(RetroState.empty(), new JournalStore.Mark(RecordFormat.GENESIS, 1, 0), 0,
                    List.of(new JournalFiles.Numbered(1, first)), 0);
        }
        if (segments.get(0).seq() != 1 && (baseSeq == 0 || segments.get(0).seq() > baseSeq)) {
            throw corrupted(segments.get(0).path() + ": the journal starts at sequence " + segments.get(0).seq()
                    + ", so events 1 to " + (segments.get(0).seq() - 1) + " are missing");
        }
        int start = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).seq() <= Math.max(1, baseSeq)) {
                start = i;
            }
        }
        long startOffset = 0;
        long firstSeq = segments.get(start).seq();
        if (base != null && base.segment() != null && base.offset() != null
                && base.segment() == segments.get(start).seq()) {
            // The snapshot knows where its own record is: start there instead of at the segment's start.
            startOffset = base.offset();
            firstSeq = baseSeq;
        }
        JournalScan.Result result;
        Problem problem;
        String hashAtBase;
        RetroState state;
        try (ParallelReplay replay = new ParallelReplay(base == null ? RetroState.empty() : base.state())) {
            result = JournalScan.walk(segments, start, startOffset, firstSeq,
                    start == 0 && startOffset == 0 ? RecordFormat.GENESIS : null, false, replay);
            Problem replayProblem = replay.finish();
            problem = replayProblem != null ? replayProblem : result.problem();
            hashAtBase = replay.hashAtBase();
            state = replay.state();
        }
        if (problem != null && problem.kind() == Problem.Kind.UNSUPPORTED_FORMAT) {
            throw new StoreException(StoreException.Reason.UNSUPPORTED_FORMAT, problem.toString());
        }
        if (problem != null && problem.fatal()) {
            throw corrupted(problem.toString());
        }
        if (result.lastSeq() < baseSeq) {
            throw corrupted("snapshot " + JournalFiles.snapshot(dir, baseSeq) + " is at sequence " + baseSeq
                    + " but the journal ends at sequence " + result.lastSeq()
                    + ": acknowledged events are missing from the journal");
        }
        if (base != null && baseSeq > 0 && !base.hash().equals(hashAtBase)) {
            throw corrupted("snapshot " + JournalFiles.snapshot(dir, baseSeq) + " does not belong to this journal: "
                    + "its hash for sequence " + baseSeq + " differs from the journal's");
        }
        if (problem != null) {
            JournalStore.Log.LOG.log(Level.WARNING, "An unfinished write of sequence " + problem.sequence() + " ends " + problem.where()
                    + " after offset " + result.endOffset() + "; it was never acknowledged and is left out of the"
                    + " state. The next write cuts it (a read changes nothing). " + problem.message());
        }
        String lastHash = result.lastSeq() == 0 ? RecordFormat.GENESIS : result.lastHash();
        long lastSegment = -1;
        for (JournalFiles.Numbered segment : segments) {   // a loop: a stream's first use costs a command start-up
            if (segment.path().equals(result.lastSegment())) {
                lastSegment = segment.seq();
                break;
            }
        }
        if (lastSegment < 0) {
            throw new NoSuchElementException("the scan ended in " + result.lastSegment() + ", not one of " + segments);
        }
        return new Recovered(state, new JournalStore.Mark(lastHash, lastSegment, -1), result.endOffset(), segments,
                baseSeq);
    }

    /** The newest snapshot that reads back correctly; a damaged one is skipped with a warning. */
    private static SnapshotFile.Loaded newestSnapshot(Path dir, boolean historyOnDemand, long below) {
        List<JournalFiles.Numbered> snapshots = JournalFiles.snapshots(dir);
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            if (snapshots.get(i).seq() >= below) {
                continue;
            }
            Path file = snapshots.get(i).path();
            SnapshotFormat.Header header;
            try {
                header = SnapshotFile.header(file);
            } catch (IOException | RuntimeException e) {
                JournalStore.Log.LOG.log(Level.WARNING, "Ignoring snapshot " + file + " (" + e.getMessage()
                        + "); the journal will be replayed from an older snapshot or from the start");
                continue;
            }
            if (header.format() > SnapshotFormat.FORMAT) {
                throw new StoreException(StoreException.Reason.UNSUPPORTED_FORMAT, "snapshot " + file
                        + " has format " + header.format() + ", newer than this Retro Gate reads ("
                        + SnapshotFormat.FORMAT + "): upgrade Retro Gate");
            }
            try {
                return SnapshotFile.read(file, header, historyOnDemand);
            } catch (IOException | RuntimeException e) {
                JournalStore.Log.LOG.log(Level.WARNING, "Ignoring snapshot " + file + " (" + e.getMessage()
                        + "); the journal will be replayed from an older snapshot or from the start");
            }
        }
        return null;
    }

    static StoreException corrupted(String what) {
        return new StoreException(StoreException.Reason.CORRUPTED, "The Retro Gate store is corrupted: " + what
                + ". Nothing was changed. Run 'verify' for a full report, and 'repair' to cut the journal after the"
                + " last good record (it keeps a copy of what it cuts).");
    }
}
