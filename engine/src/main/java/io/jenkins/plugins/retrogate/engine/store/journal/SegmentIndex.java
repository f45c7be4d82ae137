package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Reads recorded events back from the segments, for the audit trail and incident timelines. It
 * reads only up to the published sequence, so it never sees a record that is not yet durable, and
 * remembers the offset of every 1,024th record so paging does not rescan a segment from its start.
 */
final class SegmentIndex {
    private static final int STRIDE = 1024;
    private final ConcurrentSkipListMap<Long, Path> segments;
    /** Sequence number to (segment, offset) of records seen by earlier reads. */
    private final ConcurrentSkipListMap<Long, Position> marks = new ConcurrentSkipListMap<>();

    private record Position(Path file, long offset) {
    }

    SegmentIndex(ConcurrentSkipListMap<Long, Path> segments) {
        this.segments = segments;
    }

    List<RecordedEvent> read(long from, int limit, long upTo) throws IOException {
        List<RecordedEvent> result = new ArrayList<>();
        if (limit <= 0 || from > upTo) {
            return result;
        }
        Map.Entry<Long, Path> segment = segments.floorEntry(from);
        if (segment == null) {
            return result;
        }
        Path file = segment.getValue();
        long offset = 0;
        Map.Entry<Long, Position> mark = marks.floorEntry(from);
        if (mark != null && mark.getKey() >= segment.getKey() && mark.getValue().file().equals(file)) {
            offset = mark.getValue().offset();
        }
        RecordFormat format = new RecordFormat();
        String[] why = new String[1];
        while (file != null) {
            try (LineReader lines = new LineReader(file, offset)) {
                while (lines.next() && lines.terminated()) {
                    RecordFormat.Decoded record = format.decode(lines.line(), lines.length(), why);
                    if (record == null) {
                        throw new IOException(file + " at offset " + lines.offset() + ": " + why[0]);
                    }
                    long seq = record.seq();
                    if (seq > upTo || result.size() >= limit) {
                        return result;
                    }
                    if (seq % STRIDE == 0) {
                        marks.putIfAbsent(seq, new Position(file, lines.offset()));
                    }
                    if (seq >= from) {
                        result.add(new RecordedEvent(seq, EventDecoder.decode(record)));
                    }
                }
            }
            Map.Entry<Long, Path> next = segments.higherEntry(segment.getKey());
            segment = next;
            file = next == null ? null : next.getValue();
            offset = 0;
        }
        return result;
    }
}
