package io.jenkins.plugins.retrogate.engine.store.snapshot;

/**
 * The history of the snapshot a store started from (format 6: deployments, closed items, the
 * incidents no gate reads) passed its checksums but could not be decoded when it was read (a bug,
 * or the memory ran out). Not damage of the events: a store that meets it while opening starts
 * again without that snapshot; {@code verify} reports the snapshot.
 */
public final class HistoryUnreadableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    HistoryUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
