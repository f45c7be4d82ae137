package io.jenkins.plugins.retrogate.engine.store;

/**
 * Where a store's events live, and what an administrator does with it: open it, check it, repair it.
 * Front-ends (the CLI, the plugin) get one from configuration ({@code config.StoreLocation}) and
 * never name a backend's class: a new backend is one implementation of this interface plus a line
 * where locations are parsed, and it joins the store contract tests.
 *
 * <p>How often a backend writes snapshots is its own setting; a backend never writes one for a
 * session that recorded nothing, so a read changes nothing.
 */
public interface StoreBackend {

    /** Where the store is, for messages: a directory, or a database address without credentials. */
    String location();

    /** Whether a store exists there: opening it reads events rather than creating an empty store. */
    boolean exists();

    /**
     * Reaches the store and says what is there (for a "test connection" button), creating and changing
     * nothing.
     *
     * @throws StoreException when it cannot be reached or its format is newer than this version reads
     */
    default String probe() {
        return exists() ? "a Retro Gate store is at " + location() : "no Retro Gate store is at " + location()
                + " yet: it is created when first opened";
    }

    /**
     * This backend as a process that runs one command and exits opens it (the CLI): work that pays off
     * only in a long-lived process, such as decoding a snapshot's history in the background, is left
     * until something needs it. The same backend by default.
     */
    default StoreBackend forOneCommand() {
        return this;
    }

    /**
     * Opens the store to read and record events, creating it when it does not exist.
     *
     * @throws StoreException when it cannot be opened (busy, damaged, unreachable, newer format)
     */
    Store open();

    /**
     * Opens the store to read only: shared with other readers, nothing created or changed, every
     * command refused.
     *
     * @throws StoreException when it cannot be opened
     */
    Store openReadOnly();

    /** Checks every record and the hash chain without changing anything. */
    VerifyReport verify();

    /**
     * Makes a damaged store open again: cuts after its last good record, keeping a copy of what it
     * cuts, and records again what still verifies. The store must not be in use.
     */
    RepairReport repair();
}
