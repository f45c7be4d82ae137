package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;

/**
 * The retrospective answered what no other field says: the failure was not seen before
 * ({@code notSeenBefore}; a link to a similar incident says it was), or no action item is needed, and why
 * ({@code noActionReason}). Either may be absent.
 */
public record RetroAnswersRecorded(Instant at, String actor, String incidentId, boolean notSeenBefore,
        @CheckForNull String noActionReason) implements Event {
}
