package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;

/**
 * An event whose fact may have happened before it was recorded: a mitigation, a status change, a
 * rollback or a deployment's start or end written down the next morning. {@code at} stays the time
 * it was recorded (the audit trail); {@code happenedAt}, when set, is the time of the fact, and every
 * figure computed from the fact (time to restore, when a deployment ran) uses {@link #happened()}.
 * Events recorded as the fact happens leave it out, as all events did before it existed.
 */
public interface Backdatable {

    /** When the event was recorded. */
    Instant at();

    /** When the fact happened, if before it was recorded; {@code null}: when it was recorded. */
    @CheckForNull
    Instant happenedAt();

    /** When the fact happened. */
    default Instant happened() {
        Instant happenedAt = happenedAt();
        return happenedAt == null ? at() : happenedAt;
    }
}
