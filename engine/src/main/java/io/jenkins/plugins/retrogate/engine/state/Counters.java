package io.jenkins.plugins.retrogate.engine.state;

import java.util.HashMap;
import java.util.Map;

/**
 * The last number handed out for each kind of id. Ids are never reused, so the counters only grow.
 *
 * @param items for an incident, the highest action-item number a repair reserved ({@code INC-3} →
 *              2 reserves {@code INC-3-A1} and {@code INC-3-A2}); empty unless a repair cut records
 */
public record Counters(long incidents, long deployments, long overrides, long requests, Map<String, Integer> items) {
    static final Counters NONE = new Counters(0, 0, 0, 0);

    public Counters {
        items = items == null ? Map.of() : Map.copyOf(items);
    }

    public Counters(long incidents, long deployments, long overrides, long requests) {
        this(incidents, deployments, overrides, requests, Map.of());
    }

    Counters withIncident(long number) {
        return new Counters(Math.max(incidents, number), deployments, overrides, requests, items);
    }

    Counters withDeployment(long number) {
        return new Counters(incidents, Math.max(deployments, number), overrides, requests, items);
    }

    Counters withOverride(long number) {
        return new Counters(incidents, deployments, Math.max(overrides, number), requests, items);
    }

    Counters withRequest(long number) {
        return new Counters(incidents, deployments, overrides, Math.max(requests, number), items);
    }

    /** With these item numbers reserved too (each the highest per incident; the larger one wins). */
    public Counters withItems(Map<String, Integer> reserved) {
        if (reserved == null || reserved.isEmpty()) {
            return this;
        }
        Map<String, Integer> merged = new HashMap<>(items);
        reserved.forEach((incident, number) -> merged.merge(incident, number, Math::max));
        return new Counters(incidents, deployments, overrides, requests, merged);
    }

    /** The highest action-item number of {@code incidentId} that a repair reserved (0: none). */
    public int reservedItems(String incidentId) {
        return items.getOrDefault(incidentId, 0);
    }

    /** The number part of an id like {@code INC-12}, {@code DEP-3} or {@code REQ-7}. */
    public static long numberOf(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }
}
