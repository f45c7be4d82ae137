package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.RepairReplay;
import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a damaged journal after its last good record, only when an operator asks. Everything it
 * removes (the tail of the damaged segment, the later segments, snapshots that no longer match) is
 * first copied, and forced, into a {@code repair-<time>} directory beside the journal. Then it
 * records again the cut records that still verify (a damaged record in the middle loses only
 * itself and what depended on it), and reserves every id the cut bytes named, so none is reused.
 */
final class Repairer {
    /** Who records the replayed records' id reservation. */
    static final String ACTOR = "repair";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Repairer() {
    }

    static RepairReport repair(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new StoreException(StoreException.Reason.IO, "there is no store directory " + dir);
        }
        DirectoryLock lock = DirectoryLock.acquire(dir);
        // replay (below) hands the lock to the store it opens, which releases it
        try {
            Verifier.Examination exam = Verifier.examine(dir);
            JournalScan.Result walk = exam.walk();
            List<Problem> problems = exam.problems();
            if (problems.stream().anyMatch(p -> p.kind() == Problem.Kind.UNSUPPORTED_FORMAT)) {
                return new RepairReport(dir, false, false, walk.records(), walk.lastSeq(), 0, null, problems, 0, List.of(), null);
            }
            if (problems.isEmpty()) {
                return new RepairReport(dir, true, false, walk.records(), walk.lastSeq(), 0, null, problems, 0, List.of(), null);
            }
            Salvage.Found found = Salvage.scan(exam.segments(), walk.problem(), walk.lastSeq(), walk.lastHash());
            Path saved = repairDirectory(dir);
            long cut = 0;
            List<Path> remove = new ArrayList<>();
            Problem problem = walk.problem();
            if (problem != null) {
                boolean after = false;
                for (JournalFiles.Numbered segment : exam.segments()) {
                    Path file = segment.path();
                    if (file.equals(Path.of(problem.where()))) {
                        after = true;
                        boolean first = segment.seq() == exam.segments().get(0).seq();
                        // nothing good before it (a missing first segment, a damaged first record): the
                        // whole file goes, and the store starts again at sequence 1
                        if (problem.offset() == 0 && (!first || walk.lastSeq() == 0)) {
                            cut += copy(file, 0, saved);
                            remove.add(file);
                        } else {
                            cut += copy(file, problem.offset(), saved);
                        }
                    } else if (after) {
                        cut += copy(file, 0, saved);
                        remove.add(file);
                    }
                }
            }
            for (Path snapshot : exam.badSnapshots()) {
                copy(snapshot, 0, saved);
                remove.add(snapshot);
            }
            JournalFiles.syncDirectory(saved);
            if (problem != null && !remove.contains(Path.of(problem.where()))) {
                try (FileChannel channel = FileChannel.open(Path.of(problem.where()), StandardOpenOption.WRITE)) {
                    channel.truncate(problem.offset());
                    channel.force(true);
                }
            }
            for (Path file : remove) {
                Files.deleteIfExists(file);
            }
            JournalFiles.syncDirectory(dir);
            RepairReplay.Result replayed;
            try {
                replayed = replay(dir, lock, found);
            } catch (RuntimeException e) {
                throw new StoreException(e instanceof StoreException store ? store.reason() : StoreException.Reason.IO,
                        "repair cut the journal after sequence " + walk.lastSeq() + " and kept copies of everything it"
                                + " removed in " + saved + ", but recording again the cut records that still verify"
                                + " failed: " + e.getMessage() + ". Run 'verify'; the copies hold every cut record.", e);
            }
            lock = null; // the store it opened has released it
            return new RepairReport(dir, true, true, walk.records(), walk.lastSeq(), cut, saved, problems,
                    replayed.replayed(), replayed.skipped(), replayed.reserved());
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "repair of " + dir + " failed: " + e, e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** Records again the cut records that still verify and reserves every id the cut bytes named. */
    private static RepairReplay.Result replay(Path dir, DirectoryLock lock, Salvage.Found found) {
        try (JournalStore store = JournalStore.openLocked(dir, JournalOptions.defaults(), lock)) {
            return RepairReplay.run(store, found.records(), found.left(), found.ids(), ACTOR,
                    "named by records a repair cut");
        }
    }

    private static Path repairDirectory(Path dir) throws IOException {
        String base = "repair-" + STAMP.format(Instant.now());
        Path saved = dir.resolve(base);
        for (int i = 2; Files.exists(saved); i++) {
            saved = dir.resolve(base + "-" + i);
        }
        Files.createDirectory(saved);
        JournalFiles.syncDirectory(dir);
        return saved;
    }

    /** Copies {@code file} from {@code offset} on into {@code saved}; returns how many bytes. */
    private static long copy(Path file, long offset, Path saved) throws IOException {
        String name = file.getFileName() + (offset > 0 ? ".from-" + offset : "");
        Path target = saved.resolve(name);
        if (offset == 0) {
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                long position = offset;
                long size = in.size();
                while (position < size) {
                    position += in.transferTo(position, size - position, out);
                }
            }
        }
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            out.force(true);
        }
        return Math.max(0, Files.size(file) - offset);
    }
}
