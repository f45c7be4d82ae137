package io.jenkins.plugins.retrogate.engine.tracker;

import java.util.Objects;

/**
 * A token or password, handed over by the caller (Jenkins credentials, an environment variable) at
 * the moment a client is built. It never shows itself: {@link #toString()} is a mask, it is not
 * serialisable, and only this package can read the value, to put it in an {@code Authorization} header.
 */
public final class TrackerSecret {
    private final String value;

    private TrackerSecret(String value) {
        this.value = value;
    }

    /** Wraps a secret; a missing or blank one is refused without echoing it. */
    public static TrackerSecret of(String value) {
        if (value == null || value.isBlank()) {
            throw new TrackerException(TrackerException.Kind.CONFIGURATION, "the tracker token is missing or blank");
        }
        return new TrackerSecret(value.strip());
    }

    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrackerSecret secret && Objects.equals(value, secret.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
