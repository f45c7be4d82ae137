package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.HashChain;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.snapshot.HistoryUnreadableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Walks segments record by record and checks every one: framing, CRC32C, SHA-256, the hash chain,
 * gap-free sequence numbers across segments and the format version. What to do with each good
 * record is the caller's business; the walk stops at the first problem. Opening, verifying and
 * repairing a store all use it, so they agree on what is damaged.
 */
final class JournalScan {

    /** Receives each good record; the record's bytes are reused after the call returns. */
    interface Sink {
        void accept(RecordFormat.Decoded record, Path file, long offset) throws Exception;
    }

    /**
     * Where the walk ended.
     *
     * @param lastSeq     the last good record's sequence number (the anchor's when none was read)
     * @param lastHash    its hash ({@code null} when no record was read and there was no anchor)
     * @param lastSegment the segment the next record goes to
     * @param endOffset   where the good data of {@code lastSegment} ends
     * @param records     how many good records were walked
     * @param problem     the problem that stopped the walk, or {@code null}
     */
    record Result(long lastSeq, String lastHash, Path lastSegment, long endOffset, long records, Problem problem) {
    }

    private JournalScan() {
    }

    /**
     * Walks {@code segments} from index {@code start}. {@code anchorHash} is the {@code prev} the
     * first record of that segment must carry ({@link RecordFormat#GENESIS} from the beginning,
     * {@code null} when it cannot be known).
     */
    static Result walk(List<JournalFiles.Numbered> segments, int start, String anchorHash, Sink sink)
            throws IOException {
        return walk(segments, start, 0, segments.get(start).seq(), anchorHash, true, sink);
    }

    /**
     * Walks from byte {@code startOffset} of segment {@code start}, where the record with sequence
     * number {@code firstSeq} must begin. Without {@code checkHash} the sink must check each record's
     * SHA-256 itself ({@link RecordFormat#hashMatches}).
     */
    static Result walk(List<JournalFiles.Numbered> segments, int start, long startOffset, long firstSeq,
            String anchorHash, boolean checkHash, Sink sink) throws IOException {
        RecordFormat format = new RecordFormat();
        String[] why = new String[1];
        long expected = firstSeq;
        String prev = anchorHash;
        long records = 0;
        Path lastSegment = segments.get(start).path();
        long end = 0;
        for (int i = start; i < segments.size(); i++) {
            JournalFiles.Numbered segment = segments.get(i);
            Path file = segment.path();
            boolean last = i == segments.size() - 1;
            if (i > start && segment.seq() != expected) {
                String what = segment.seq() > expected
                        ? "events " + expected + " to " + (segment.seq() - 1) + " are missing (a segment was deleted or truncated)"
                        : "segment starts at sequence " + segment.seq() + " but the previous one already reached " + (expected - 1);
                return new Result(expected - 1, prev, lastSegment, end, records,
                        new Problem(file, 0, expected, Problem.Kind.CORRUPTED, what));
            }
            lastSegment = file;
            long from = i == start ? startOffset : 0;
            end = from;
            long before = records;
            try (LineReader lines = new LineReader(file, from)) {
                while (lines.next()) {
                    long offset = lines.offset();
                    RecordFormat.Decoded record = lines.terminated()
                            ? format.decode(lines.line(), lines.length(), why, checkHash) : null;
                    if (record == null) {
                        if (!lines.terminated()) {
                            why[0] = "unfinished record of " + lines.length() + " bytes";
                        }
                        if (last && (!lines.terminated() || LineReader.onlyPadding(file, offset))) {
                            long size = Files.size(file);
                            return new Result(expected - 1, prev, file, offset, records, new Problem(file, offset,
                                    expected, Problem.Kind.TORN_TAIL, "torn write: " + (size - offset)
                                    + " bytes after the last complete record (" + why[0] + ")"));
                        }
                        return new Result(expected - 1, prev, file, offset, records, new Problem(file, offset,
                                expected, Problem.Kind.CORRUPTED, why[0]));
                    }
                    Problem problem = check(record, file, offset, expected, prev);
                    if (problem == null) {
                        try {
                            sink.accept(record, file, offset);
                        } catch (HistoryUnreadableException e) {
                            throw e; // not the record's fault: the caller starts again without the snapshot
                        } catch (Exception | StackOverflowError e) {
                            problem = new Problem(file, offset, expected, Problem.Kind.CORRUPTED,
                                    (RecordFormat.HASH_MISMATCH.equals(e.getMessage()) ? "" : "the event cannot be read or applied: ") + e.getMessage());
                        }
                    }
                    if (problem != null) {
                        return new Result(expected - 1, prev, file, offset, records, problem);
                    }
                    prev = record.hash();
                    expected++;
                    records++;
                    end = lines.end();
                }
                if (lines.padding() && !(last && LineReader.onlyPadding(file, end))) {
                    return new Result(expected - 1, prev, file, end, records, new Problem(file, end, expected,
                            Problem.Kind.CORRUPTED, last ? "NUL bytes followed by other data"
                                    : "NUL bytes in a segment that is not the last"));
                }
            }
            if (records == before && !last && from == 0) {
                return new Result(expected - 1, prev, file, 0, records, new Problem(file, 0, expected,
                        Problem.Kind.CORRUPTED, "segment is empty but later segments exist"));
            }
        }
        return new Result(expected - 1, prev, lastSegment, end, records, null);
    }

    private static Problem check(RecordFormat.Decoded record, Path file, long offset, long expected, String prev) {
        if (record.version() > EventJson.FORMAT_VERSION) {
            return new Problem(file, offset, record.seq(), Problem.Kind.UNSUPPORTED_FORMAT, "record format version "
                    + record.version() + " is newer than this Retro Gate reads (" + EventJson.FORMAT_VERSION
                    + "): upgrade Retro Gate");
        }
        if (record.version() < 1) {
            return new Problem(file, offset, record.seq(), Problem.Kind.CORRUPTED,
                    "record format version " + record.version() + " does not exist");
        }
        String broken = HashChain.brokenLink(expected, prev, record.seq(), record.prev());
        if (broken != null) {
            return new Problem(file, offset, expected, Problem.Kind.CORRUPTED, broken);
        }
        return null;
    }
}
