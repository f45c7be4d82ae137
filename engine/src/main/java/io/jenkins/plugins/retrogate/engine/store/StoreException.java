package io.jenkins.plugins.retrogate.engine.store;

import io.jenkins.plugins.retrogate.engine.model.RetroGateException;

/**
 * A store that cannot be used as it is: its files are corrupted, another process owns it, it was
 * written by a newer version, or the disk failed. The message names the file (and where it helps the
 * offset and sequence number) and what the operator can do about it.
 */
public class StoreException extends RetroGateException {
    private static final long serialVersionUID = 1L;

    /** Why the store cannot be used; the CLI maps every reason to exit code 5. */
    public enum Reason {
        /** A record or snapshot fails its checksum, hash chain or sequence; nothing was changed. */
        CORRUPTED,
        /** Another process (or another store object in this one) owns the directory. */
        LOCKED,
        /** The files were written in a newer format than this version reads. */
        UNSUPPORTED_FORMAT,
        /** Reading or writing failed. */
        IO
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
