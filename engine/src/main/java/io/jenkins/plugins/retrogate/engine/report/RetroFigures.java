package io.jenkins.plugins.retrogate.engine.report;

import java.time.Duration;
import java.util.List;

/**
 * The retrospective's own figures over the report's period.
 *
 * @param incidents          incidents detected in the period
 * @param reviewed           of those, the ones whose retrospective was held (REVIEWED)
 * @param medianTimeToRetro  median time from detection to REVIEWED, {@code null} when none was reviewed
 * @param itemsVerified      items verified in the period
 * @param medianItemCycleTime median time from an item's creation to its verification
 * @param openItems          items OPEN or RESOLVED now (not yet proven)
 * @param overdueP0          ids of OPEN P0 items past their due date now
 * @param recurring          incidents of the period linked to an earlier one as "seen before"
 * @param recurrenceRate     recurring / incidents, {@code null} without incidents
 */
public record RetroFigures(int incidents, int reviewed, Duration medianTimeToRetro, int itemsVerified,
        Duration medianItemCycleTime, int openItems, List<String> overdueP0, int recurring, Double recurrenceRate) {
    public RetroFigures {
        overdueP0 = List.copyOf(overdueP0);
    }
}
