package io.jenkins.plugins.retrogate.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One incident of the report's period, as its table row shows it.
 *
 * @param timeToRestore detection to the first mitigation (or MITIGATED/RESOLVED), {@code null} if not yet
 * @param timeToRetro   detection to REVIEWED, {@code null} if the retrospective is still to be held
 * @param activeItems   items still OPEN or RESOLVED (not yet proven in production)
 */
public record IncidentSummary(String id, String title, List<String> services, String status, Instant detectedAt,
        Duration timeToRestore, Duration timeToRetro, int items, int activeItems, List<String> seenBefore) {
    public IncidentSummary {
        services = List.copyOf(services);
        seenBefore = List.copyOf(seenBefore);
    }
}
