package io.jenkins.plugins.retrogate.engine.model;

/**
 * A well-formed command that a rule refuses: four eyes, a missing permission, a transition the
 * lifecycle does not allow. The message names the rule.
 */
public final class RefusedException extends RetroGateException {
    private static final long serialVersionUID = 1L;

    public RefusedException(String message) {
        super(message);
    }
}
