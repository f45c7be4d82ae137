package io.jenkins.plugins.retrogate.engine.store.journal;

import java.nio.file.Path;

/**
 * Something wrong with a store's files, located precisely enough to look at it with a hex editor.
 *
 * @param file     the segment or snapshot file
 * @param offset   the byte offset in {@code file} where the bad data starts
 * @param sequence the sequence number the record there has or should have had (0 when none applies)
 * @param kind     how bad it is
 * @param message  what is wrong, in words
 */
public record Problem(Path file, long offset, long sequence, Kind kind, String message) {

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

    /** Whether the store cannot be opened as it is. */
    public boolean fatal() {
        return kind == Kind.CORRUPTED || kind == Kind.UNSUPPORTED_FORMAT;
    }

    @Override
    public String toString() {
        return file + " at offset " + offset + (sequence > 0 ? " (sequence " + sequence + ")" : "") + ": " + message;
    }
}
