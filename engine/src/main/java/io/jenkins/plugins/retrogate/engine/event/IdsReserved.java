package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/**
 * Ids handed out by records that a repair had to cut: the counters move past them, so that no id
 * ({@code INC-4}, {@code REQ-8}) is ever given to something else. Each number is the highest of its
 * kind that the cut records named (0: none).
 */
public record IdsReserved(Instant at, String actor, long incidents, long deployments, long overrides, long requests,
        String reason) implements Event {
}
