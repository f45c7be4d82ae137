package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole store without changing or locking it: every record from the first, every event
 * folded (so a record that passes its checksum but names something unknown is caught too), and
 * every snapshot compared with the state folded up to its sequence.
 */
final class Verifier {

    /** What an examination found: the walk's end and every problem. */
    record Examination(List<JournalFiles.Numbered> segments, List<JournalFiles.Numbered> snapshots,
            JournalScan.Result walk, List<Problem> problems, List<Path> badSnapshots) {
    }

    private Verifier() {
    }

    static VerifyReport verify(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new StoreException(StoreException.Reason.IO, "there is no store directory " + dir);
        }
        Examination exam = examine(dir);
        boolean ok = exam.problems().stream().noneMatch(Problem::fatal);
        Salvage.Found cut;
        try {
            cut = Salvage.scan(exam.segments(), exam.walk().problem(), exam.walk().lastSeq(), exam.walk().lastHash());
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot read the store: " + e, e);
        }
        return new VerifyReport(dir, ok, exam.walk().records(), exam.walk().lastSeq(), exam.segments().size(),
                exam.snapshots().size(), exam.problems(), cut.lines(), cut.bytes(), cut.records().size());
    }

    static Examination examine(Path dir) {
        List<JournalFiles.Numbered> segments = JournalFiles.segments(dir);
        List<JournalFiles.Numbered> snapshots = JournalFiles.snapshots(dir);
        List<Problem> problems = new ArrayList<>();
        List<Path> badSnapshots = new ArrayList<>();
        Map<Long, SnapshotFile.Loaded> loaded = new HashMap<>();
        Map<Long, Path> snapshotFiles = new HashMap<>();
        for (JournalFiles.Numbered snapshot : snapshots) {
            Path file = snapshot.path();
            try {
                SnapshotFormat.Header header = SnapshotFile.header(file);
                if (header.format() > SnapshotFormat.FORMAT) {
                    problems.add(new Problem(file, 0, header.sequence(), Problem.Kind.UNSUPPORTED_FORMAT,
                            "snapshot format " + header.format() + " is newer than this Retro Gate reads ("
                                    + SnapshotFormat.FORMAT + ")"));
                    continue;
                }
                SnapshotFile.Loaded read = SnapshotFile.read(file, header);
                SnapshotFormat.whole(read.state()); // its history decoded here: a failure is this snapshot's
                loaded.put(header.sequence(), read);
                snapshotFiles.put(header.sequence(), file);
            } catch (IOException | RuntimeException e) {
                badSnapshots.add(file);
                problems.add(new Problem(file, 0, snapshot.seq(), Problem.Kind.DAMAGED_SNAPSHOT,
                        "snapshot cannot be read (" + e.getMessage() + "); start-up ignores it"));
            }
        }
        JournalScan.Result walk;
        if (segments.isEmpty()) {
            walk = new JournalScan.Result(0, RecordFormat.GENESIS, null, 0, 0, null);
        } else if (segments.get(0).seq() != 1) {
            Problem missing = new Problem(segments.get(0).path(), 0, 1, Problem.Kind.CORRUPTED,
                    "the journal starts at sequence " + segments.get(0).seq() + ": the first segment is missing");
            walk = new JournalScan.Result(0, RecordFormat.GENESIS, segments.get(0).path(), 0, 0, missing);
        } else {
            walk = walkAll(segments, loaded, snapshotFiles, problems, badSnapshots);
        }
        if (walk.problem() != null) {
            problems.add(0, walk.problem());
        }
        for (Map.Entry<Long, SnapshotFile.Loaded> entry : loaded.entrySet()) {
            if (entry.getKey() > walk.lastSeq()) {
                Path file = snapshotFiles.get(entry.getKey());
                badSnapshots.add(file);
                problems.add(new Problem(file, 0, entry.getKey(), Problem.Kind.CORRUPTED, "snapshot is at sequence "
                        + entry.getKey() + " but the journal's good records end at " + walk.lastSeq()
                        + ": the snapshot is newer than the journal (events are missing from the journal)"));
            }
        }
        return new Examination(segments, snapshots, walk, problems, badSnapshots);
    }

    private static JournalScan.Result walkAll(List<JournalFiles.Numbered> segments,
            Map<Long, SnapshotFile.Loaded> loaded, Map<Long, Path> files, List<Problem> problems,
            List<Path> badSnapshots) {
        RetroState[] state = {RetroState.empty()};
        try {
            return JournalScan.walk(segments, 0, RecordFormat.GENESIS, (record, file0, offset0) -> {
                state[0] = state[0].apply(record.seq(), EventDecoder.decode(record));
                SnapshotFile.Loaded snapshot = loaded.get(record.seq());
                if (snapshot != null) {
                    Path file = files.get(record.seq());
                    if (!snapshot.hash().equals(record.hash())) {
                        badSnapshots.add(file);
                        problems.add(new Problem(file, 0, record.seq(), Problem.Kind.CORRUPTED,
                                "snapshot's hash for its sequence differs from the journal's: it belongs to another store"));
                    } else if (!snapshot.state().equals(state[0])) {
                        badSnapshots.add(file);
                        problems.add(new Problem(file, 0, record.seq(), Problem.Kind.CORRUPTED,
                                "snapshot's state differs from the journal's events folded up to its sequence"));
                    }
                }
            });
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot read the store: " + e, e);
        }
    }
}
