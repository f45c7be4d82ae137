package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * When a fact happened, for facts written down after they happened (a mitigation, a status change, a
 * rollback, a deployment's end): the instant the caller gives, checked against the clock and against
 * the record the fact belongs to, or the clock's now when the caller gives none.
 */
final class FactTime {
    /**
     * How far ahead of this engine's clock a given instant may lie and still count as now: the
     * caller's clock may run a little fast.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** No fact Retro Gate records happened before this: an earlier instant is a typing error. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private FactTime() {
    }

    /**
     * The instant the fact happened.
     *
     * @param at        the instant the caller gives, or {@code null} for now
     * @param notBefore the start of the record the fact belongs to (the incident's detection, the
     *                  deployment's start), or {@code null}
     * @param what      what {@code notBefore} is, in words ("the incident's detection")
     * @return {@code at}, or {@code now} when {@code at} is {@code null} or lies ahead within the clock skew
     * @throws InvalidInputException naming the field {@code at}, the value and what is allowed
     */
    static Instant of(Instant at, Instant now, Instant notBefore, String what) {
        if (at == null) {
            return now;
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidInputException("at", at, "is in the future; it must be at or before now (" + now
                    + ", up to " + CLOCK_SKEW.toMinutes() + " minutes of clock skew allowed)");
        }
        if (at.isBefore(EARLIEST)) {
            throw new InvalidInputException("at", at, "is before " + EARLIEST + "; give the instant the fact happened,"
                    + " between then and now (" + now + ")");
        }
        if (notBefore != null && at.isBefore(notBefore)) {
            throw new InvalidInputException("at", at, "is before " + what + " (" + notBefore
                    + "); it must lie between then and now (" + now + ")");
        }
        return at.isAfter(now) ? now : at;
    }

    /** What an event records as the time the fact happened: nothing when it happened as it is recorded. */
    static Instant happenedAt(Instant happened, Instant now) {
        return happened.equals(now) ? null : happened;
    }
}
