package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.event.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What lies after the first break in a journal — the records a repair has to cut — read record by
 * record: which of them still verify on their own (framing, CRC32C, SHA-256, a sequence number after
 * the last good one, an event that decodes), so that repair can replay them instead of losing them;
 * and the highest ids that any cut byte names, damaged or not, so that no id is handed out twice.
 */
final class Salvage {
    private static final Pattern ID = Pattern.compile("\\b(INC|DEP|OVR|REQ)-(\\d{1,18})\\b");

    /** One cut record that still verifies: its old sequence number and its event. */
    record Kept(long seq, Event event) {
    }

    /**
     * @param records   the records that verify on their own, in journal order
     * @param lines     how many lines (records, damaged or not) would be cut
     * @param bytes     how many bytes would be cut
     * @param incidents the highest incident number the cut bytes name (0: none); likewise below
     */
    record Found(List<Kept> records, long lines, long bytes, long incidents, long deployments, long overrides,
            long requests) {
        Found {
            records = List.copyOf(records);
        }

        static final Found NOTHING = new Found(List.of(), 0, 0, 0, 0, 0, 0);
    }

    private Salvage() {
    }

    /** Reads everything from {@code problem}'s place to the end of the journal; {@code lastGood} is the last good sequence. */
    static Found scan(List<JournalFiles.Numbered> segments, Problem problem, long lastGood) throws IOException {
        if (problem == null || !problem.fatal()) {
            return Found.NOTHING;
        }
        RecordFormat format = new RecordFormat();
        String[] why = new String[1];
        List<Kept> kept = new ArrayList<>();
        long lines = 0;
        long bytes = 0;
        long[] highest = new long[4];
        long lastSeq = lastGood;
        boolean reached = false;
        for (JournalFiles.Numbered segment : segments) {
            if (!reached && !segment.path().equals(problem.file())) {
                continue;
            }
            long from = reached ? 0 : problem.offset();
            reached = true;
            bytes += Math.max(0, Files.size(segment.path()) - from);
            try (LineReader reader = new LineReader(segment.path(), from)) {
                while (reader.next()) {
                    lines++;
                    byte[] line = reader.line();
                    names(new String(line, 0, reader.length(), StandardCharsets.ISO_8859_1), highest);
                    RecordFormat.Decoded record = reader.terminated()
                            ? format.decode(line, reader.length(), why, true) : null;
                    if (record == null || record.seq() <= lastSeq) {
                        continue; // damaged, or a duplicate of a record already kept
                    }
                    try {
                        kept.add(new Kept(record.seq(), EventDecoder.decode(record)));
                        lastSeq = record.seq();
                    } catch (IOException | RuntimeException e) {
                        // verifies but does not decode: cut, and kept in the repair's copy
                    }
                }
            }
        }
        return new Found(kept, lines, bytes, highest[0], highest[1], highest[2], highest[3]);
    }

    private static void names(String text, long[] highest) {
        Matcher matcher = ID.matcher(text);
        while (matcher.find()) {
            int kind = switch (matcher.group(1)) {
                case "INC" -> 0;
                case "DEP" -> 1;
                case "OVR" -> 2;
                default -> 3;
            };
            highest[kind] = Math.max(highest[kind], Long.parseLong(matcher.group(2)));
        }
    }
}
