package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many items each incident of a report has, and how many are still active: one pass over the
 * items, instead of a lookup per item of every incident.
 */
final class ItemCounts {
    private final Map<String, int[]> counts;

    private ItemCounts(Map<String, int[]> counts) {
        this.counts = counts;
    }

    static ItemCounts of(RetroState state, List<Incident> incidents) {
        Map<String, int[]> counts = new HashMap<>(incidents.size() * 2);
        for (Incident incident : incidents) {
            counts.put(incident.id(), new int[2]);
        }
        if (!counts.isEmpty()) {
            for (ActionItem item : state.items().values()) {
                int[] count = counts.get(item.incidentId());
                if (count != null) {
                    count[0]++;
                    if (item.status().isActive()) {
                        count[1]++;
                    }
                }
            }
        }
        return new ItemCounts(counts);
    }

    int items(String incidentId) {
        return counts.getOrDefault(incidentId, NONE)[0];
    }

    int active(String incidentId) {
        return counts.getOrDefault(incidentId, NONE)[1];
    }

    private static final int[] NONE = new int[2];
}
