package io.jenkins.plugins.retrogate.config;

/**
 * A configuration value that is refused, with a message naming the field, the value and what is
 * allowed. Its own type so that the form's error is this message, not that of a cause underneath
 * (a {@code PatternSyntaxException} or {@code InvalidPathException} says neither field nor value).
 */
final class FieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    FieldException(String message, Throwable cause) {
        super(message, cause);
    }

    FieldException(String message) {
        super(message);
    }
}
