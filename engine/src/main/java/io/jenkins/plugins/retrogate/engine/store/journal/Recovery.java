package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Start-up: loads the newest usable snapshot, checks the journal from the segment holding the
 * snapshot's last record on, folds the events after it, and truncates a torn tail. A corrupted
 * record stops it with an error naming file, offset and sequence, before anything is changed.
 */
final class Recovery {
    private static final System.Logger LOG = System.getLogger(JournalStore.class.getName());

    /** What start-up found. */
    record Recovered(RetroState state, String lastHash, Path lastSegment, long endOffset,
            List<JournalFiles.Numbered> segments, long snapshotSeq) {
    }

    private Recovery() {
    }

    static Recovered recover(Path dir) throws IOException {
        List<JournalFiles.Numbered> segments = JournalFiles.segments(dir);
        SnapshotFile.Loaded base = newestSnapshot(dir);
        long baseSeq = base == null ? 0 : base.state().sequence();
        if (segments.isEmpty()) {
            if (baseSeq > 0) {
                throw corrupted("the snapshot at sequence " + baseSeq + " has no journal: every segment file is missing");
            }
            Path first = JournalFiles.segment(dir, 1);
            FileChannel.open(first, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
            JournalFiles.syncDirectory(dir);
            return new Recovered(RetroState.empty(), RecordFormat.GENESIS, first, 0,
                    List.of(new JournalFiles.Numbered(1, first)), 0);
        }
        int start = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).seq() <= Math.max(1, baseSeq)) {
                start = i;
            }
        }
        if (start == 0 && segments.get(0).seq() != 1) {
            throw corrupted(segments.get(0).path() + ": the journal starts at sequence " + segments.get(0).seq()
                    + ", so events 1 to " + (segments.get(0).seq() - 1) + " are missing");
        }
        Replay replay = new Replay(base == null ? RetroState.empty() : base.state());
        JournalScan.Result result = JournalScan.walk(segments, start, start == 0 ? RecordFormat.GENESIS : null,
                replay);
        Problem problem = result.problem();
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
        if (base != null && baseSeq > 0 && !base.hash().equals(replay.hashAtBase)) {
            throw corrupted("snapshot " + JournalFiles.snapshot(dir, baseSeq) + " does not belong to this journal: "
                    + "its hash for sequence " + baseSeq + " differs from the journal's");
        }
        if (problem != null) {
            truncate(problem, result.endOffset());
        }
        String lastHash = result.lastSeq() == 0 ? RecordFormat.GENESIS : result.lastHash();
        return new Recovered(replay.state, lastHash, result.lastSegment(), result.endOffset(), segments, baseSeq);
    }

    private static void truncate(Problem torn, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(torn.file(), StandardOpenOption.WRITE)) {
            long cut = channel.size() - offset;
            channel.truncate(offset);
            channel.force(true);
            LOG.log(Level.WARNING, "Truncated " + cut + " bytes at the end of " + torn.file() + " (offset " + offset
                    + "): an unfinished write of sequence " + torn.sequence()
                    + ", which was never acknowledged. " + torn.message());
        }
    }

    /** The newest snapshot that reads back correctly; a damaged one is skipped with a warning. */
    private static SnapshotFile.Loaded newestSnapshot(Path dir) {
        List<JournalFiles.Numbered> snapshots = JournalFiles.snapshots(dir);
        for (int i = snapshots.size() - 1; i >= 0; i--) {
            Path file = snapshots.get(i).path();
            try {
                SnapshotFile.Header header = SnapshotFile.header(file);
                if (header.format() > SnapshotFile.FORMAT) {
                    throw new StoreException(StoreException.Reason.UNSUPPORTED_FORMAT, "snapshot " + file
                            + " has format " + header.format() + ", newer than this Retro Gate reads ("
                            + SnapshotFile.FORMAT + "): upgrade Retro Gate");
                }
                return SnapshotFile.read(file, header);
            } catch (IOException | RuntimeException e) {
                if (e instanceof StoreException) {
                    throw (StoreException) e;
                }
                LOG.log(Level.WARNING, "Ignoring snapshot " + file + " (" + e.getMessage()
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

    /** Folds the records after the snapshot and remembers the hash of the snapshot's own record. */
    private static final class Replay implements JournalScan.Sink {
        private final long baseSeq;
        RetroState state;
        String hashAtBase;

        Replay(RetroState base) {
            this.state = base;
            this.baseSeq = base.sequence();
        }

        @Override
        public void accept(RecordFormat.Decoded record) throws Exception {
            if (record.seq() == baseSeq) {
                hashAtBase = record.hash();
            }
            if (record.seq() > baseSeq) {
                Event event = EventDecoder.decode(record);
                state = state.apply(record.seq(), event);
            }
        }
    }
}
