package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.RetroGateException;

/**
 * A tracker could not be used: unreachable, refused the credentials, rate-limited past the time we
 * are willing to wait, or answered something we did not expect. The message names the tracker, the
 * endpoint and (for an unexpected answer) the field; it never contains a credential.
 */
public final class TrackerException extends RetroGateException {
    private static final long serialVersionUID = 1L;
    private final Kind kind;

    /** What went wrong, which decides whether trying again later can help. */
    public enum Kind {
        /** The settings or credentials are incomplete or malformed; fix the configuration. */
        CONFIGURATION(false),
        /** The tracker could not be reached or answered 5xx. */
        UNAVAILABLE(true),
        /** The tracker's rate limit is exhausted for longer than we wait. */
        RATE_LIMITED(true),
        /** 401/403: the credentials were refused or lack a permission. */
        UNAUTHORIZED(false),
        /** 404/410: the ticket (or project, repository) does not exist or is not visible. */
        NOT_FOUND(false),
        /** Another 4xx: the tracker refused the request (a field, a transition, a JQL clause). */
        REJECTED(false),
        /** The answer does not have the shape the vendor documents. */
        UNEXPECTED_RESPONSE(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }

        /** Whether the same call may well succeed later without anyone changing anything. */
        public boolean isTransient() {
            return transientFailure;
        }
    }

    public TrackerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TrackerException(Kind kind, String message, Throwable cause) {
        super(message);
        this.kind = kind;
        initCause(cause);
    }

    public Kind kind() {
        return kind;
    }

    /** A response whose shape is not the documented one: names the endpoint and the field. */
    static TrackerException unexpected(String endpoint, String field, String expected) {
        return new TrackerException(Kind.UNEXPECTED_RESPONSE,
                endpoint + " answered an unexpected shape: field '" + field + "' " + expected);
    }
}
