package io.jenkins.plugins.retrogate.cli;

/** The exit codes of the tool, part of its contract: usable from any CI system. */
final class ExitCode {
    /** Done, or the gate allowed the deployment (ALLOW, WARN, OVERRIDDEN). */
    static final int OK = 0;
    /** Anything unexpected (a bug, an environment problem); the stack trace is on stderr. */
    static final int UNEXPECTED = 1;
    /** Bad input: a usage error or a value that breaks a field's rules. Nothing was changed. */
    static final int BAD_INPUT = 2;
    /** The gate blocked the deployment. */
    static final int BLOCKED = 3;
    /** A rule refused the command: four eyes, a conflict, a missing permission. Nothing was changed. */
    static final int REFUSED = 4;
    /** The store is corrupted, locked by another process, of a newer format, or unreadable. */
    static final int STORE = 5;

    private ExitCode() {
    }
}
