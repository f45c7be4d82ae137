package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report needs from the action items, in one pass over them (a store holds 100,000): how
 * many items each incident of the period has and how many are still active, and for the
 * retrospective figures the cycle times of items verified in the period, the active items and the
 * overdue P0s (of one service's items when the report is about one service).
 */
final class ItemFigures {
    private final Map<String, int[]> perIncident;
    final List<Duration> cycleTimes = new ArrayList<>();
    final List<String> overdueP0 = new ArrayList<>();
    int active;

    private ItemFigures(Map<String, int[]> perIncident) {
        this.perIncident = perIncident;
    }

    static ItemFigures of(RetroState state, List<Incident> incidents, String only, Instant from, Instant now) {
        Map<String, int[]> perIncident = new HashMap<>(incidents.size() * 2);
        for (Incident incident : incidents) {
            perIncident.put(incident.id(), new int[2]);
        }
        ItemFigures figures = new ItemFigures(perIncident);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (ActionItem item : state.items().values()) { // in id order: the map is keyed by id
            int[] count = perIncident.get(item.incidentId());
            if (count != null) {
                count[0]++;
                if (item.status().isActive()) {
                    count[1]++;
                }
            }
            if (only == null || item.guards(only)) {
                figures.retro(item, from, now, today);
            }
        }
        return figures;
    }

    private void retro(ActionItem item, Instant from, Instant now, LocalDate today) {
        Instant verified = item.verifiedAt();
        if (item.status() == ItemStatus.VERIFIED && verified != null && verified.isAfter(from) && !verified.isAfter(now)) {
            Duration cycle = Duration.between(item.createdAt(), verified);
            cycleTimes.add(cycle.isNegative() ? Duration.ZERO : cycle);
        }
        if (item.status().isActive()) {
            active++;
        }
        if (item.priority() == Priority.P0 && item.isOverdue(today)) {
            overdueP0.add(item.id());
        }
    }

    int items(String incidentId) {
        return perIncident.getOrDefault(incidentId, NONE)[0];
    }

    int active(String incidentId) {
        return perIncident.getOrDefault(incidentId, NONE)[1];
    }

    private static final int[] NONE = new int[2];
}
