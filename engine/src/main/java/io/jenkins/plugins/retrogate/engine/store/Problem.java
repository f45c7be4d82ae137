package io.jenkins.plugins.retrogate.engine.store;

import java.nio.file.Path;

/**
 * Something wrong with a store's records, located precisely enough to look at it: in a journal, the
 * file and byte offset (for a hex editor); in a database, the table and row.
 *
 * @param where    the segment or snapshot file, or the table
 * @param offset   where in it the bad data starts: the byte offset in a file, the row's sequence in a table
 * @param sequence the sequence number the record there has or should have had (0 when none applies)
 * @param kind     how bad it is
 * @param message  what is wrong, in words
 */
public record Problem(String where, long offset, long sequence, Kind kind, String message) {

    /** How bad a problem is. */
    public enum Kind {
        /** The end of the last segment is an unfinished write; opening the store leaves it out, the next write cuts it. */
        TORN_TAIL,
        /** A record or snapshot fails a check; opening the store refuses until it is repaired. */
        CORRUPTED,
        /** Written by a newer version of Retro Gate. */
        UNSUPPORTED_FORMAT,
        /** A snapshot that cannot be read back; start-up ignores it and replays more of the journal. */
        DAMAGED_SNAPSHOT
    }

    /** A problem in a file of a journal. */
    public Problem(Path file, long offset, long sequence, Kind kind, String message) {
        this(file.toString(), offset, sequence, kind, message);
    }

    /** Whether the store cannot be opened as it is. */
    public boolean fatal() {
        return kind == Kind.CORRUPTED || kind == Kind.UNSUPPORTED_FORMAT;
    }

    @Override
    public String toString() {
        return where + " at offset " + offset + (sequence > 0 ? " (sequence " + sequence + ")" : "") + ": " + message;
    }
}
