package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;
import java.util.Map;

/**
 * Ids handed out by records that a repair had to cut: the counters move past them, so that no id
 * ({@code INC-4}, {@code REQ-8}, {@code INC-3-A2}) is ever given to something else. Each number is the
 * highest of its kind that the cut records named (0: none); {@code items} maps an incident to the
 * highest action-item number they named for it.
 */
public record IdsReserved(Instant at, String actor, long incidents, long deployments, long overrides, long requests,
        Map<String, Integer> items, String reason) implements Event {

    public IdsReserved {
        items = items == null ? Map.of() : Map.copyOf(items);
    }
}
