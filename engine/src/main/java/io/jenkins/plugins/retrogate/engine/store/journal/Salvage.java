package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.Problem;
import io.jenkins.plugins.retrogate.engine.store.RepairReplay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What lies after the first break in a journal — the records a repair has to cut — read record by
 * record, over damaged lines and runs of zero bytes alike: which of them still verify (framing,
 * CRC32C, SHA-256, a sequence number after the last good one, an event that decodes, and a link to the
 * record kept before it unless a damaged record lies between them), so that repair can replay them
 * instead of losing them; and the highest ids that the cut records hold in their id fields, damaged
 * or not, so that no id is handed out twice. Free text (a title that mentions {@code INC-999}) is not
 * an id field and reserves nothing.
 */
final class Salvage {
    /**
     * @param records   the records that verify, in journal order
     * @param left      the records that verify on their own but do not link to the ones kept before them
     *                  (a record from another journal): named, and left in the repair's copy
     * @param lines     how many records (lines, damaged or not) would be cut
     * @param bytes     how many bytes would be cut
     * @param ids       the ids the cut records hold in their id fields, damaged or not
     */
    record Found(List<RepairReplay.Kept> records, List<String> left, long lines, long bytes, RepairReplay.CutIds ids) {
        Found {
            records = List.copyOf(records);
            left = List.copyOf(left);
        }

        static Found nothing() {
            return new Found(List.of(), List.of(), 0, 0, new RepairReplay.CutIds());
        }
    }

    private Salvage() {
    }

    /** Reads everything from {@code problem}'s place to the end of the journal; {@code lastGood} is the last good sequence. */
    static Found scan(List<JournalFiles.Numbered> segments, Problem problem, long lastGood, String lastGoodHash)
            throws IOException {
        if (problem == null || !problem.fatal()) {
            return Found.nothing();
        }
        Scan scan = new Scan(lastGood, lastGoodHash);
        boolean reached = false;
        for (JournalFiles.Numbered segment : segments) {
            if (!reached && !segment.path().toString().equals(problem.where())) {
                continue;
            }
            long from = reached ? 0 : problem.offset();
            reached = true;
            byte[] bytes = Files.readAllBytes(segment.path());
            scan.bytes += Math.max(0, bytes.length - from);
            scan.segment(bytes, (int) Math.min(from, bytes.length));
        }
        return new Found(scan.kept, scan.left, scan.lines, scan.bytes, scan.ids);
    }

    /** The walk over the cut bytes. */
    private static final class Scan {
        final RecordFormat format = new RecordFormat();
        final String[] why = new String[1];
        final List<RepairReplay.Kept> kept = new ArrayList<>();
        final List<String> left = new ArrayList<>();
        final RepairReplay.CutIds ids = new RepairReplay.CutIds();
        long lines;
        long bytes;
        long lastSeq;
        String lastHash;
        /** Whether a damaged record lies between the last kept record and the next one. */
        boolean gap = true;

        Scan(long lastGood, String lastGoodHash) {
            this.lastSeq = lastGood;
            this.lastHash = lastGoodHash;
        }

        /** Splits a segment into lines from {@code from} on, skipping runs of zero bytes (space never written). */
        void segment(byte[] data, int from) {
            int i = from;
            while (i < data.length) {
                if (data[i] == 0) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < data.length && data[end] != '\n' && data[end] != 0) {
                    end++;
                }
                boolean terminated = end < data.length && data[end] == '\n';
                line(Arrays.copyOfRange(data, i, end), terminated);
                i = terminated ? end + 1 : end;
            }
        }

        void line(byte[] line, boolean terminated) {
            lines++;
            ids.scan(new String(line, StandardCharsets.ISO_8859_1));
            RecordFormat.Decoded record = terminated ? format.decode(line, line.length, why, true) : null;
            if (record == null) {
                gap = true;
                return;
            }
            if (record.seq() <= lastSeq) {
                return; // a duplicate of a record already kept
            }
            if (!gap && !record.prev().equals(lastHash)) {
                left.add("sequence " + record.seq() + ": it does not link to the record before it (another journal's?)");
                return;
            }
            try {
                kept.add(new RepairReplay.Kept(record.seq(), EventDecoder.decode(record)));
                lastSeq = record.seq();
                lastHash = record.hash();
                gap = false;
            } catch (IOException | RuntimeException e) {
                left.add("sequence " + record.seq() + ": its event cannot be read (" + e.getMessage() + ")");
                gap = true;
            }
        }
    }
}
