package io.jenkins.plugins.retrogate.cli;

/**
 * Bad input found by the tool itself (a file it reads, a flag combination), with a message that
 * names the file or flag, the value and what is allowed. Exit code 2; nothing was changed.
 */
final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
