package io.jenkins.plugins.retrogate.engine.model;

/**
 * The one exception type of the engine. Its message is written for the person who caused it:
 * it names the field, the value and what is allowed, or the rule that refused the command.
 * A command that throws it has changed nothing.
 */
public abstract class RetroGateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected RetroGateException(String message) {
        super(message);
    }

    protected RetroGateException(String message, Throwable cause) {
        super(message, cause);
    }
}
