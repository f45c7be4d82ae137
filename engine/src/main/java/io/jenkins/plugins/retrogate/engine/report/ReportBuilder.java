package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Computes a {@link Report} from the state and the event log (which alone knows when an incident was
 * mitigated or reviewed). A pure function: same inputs, same report.
 */
public final class ReportBuilder {
    /** The longest period a report covers. */
    public static final int MAX_DAYS = 3660;
    /** The period a report covers unless asked otherwise. */
    public static final int DEFAULT_DAYS = 30;

    private ReportBuilder() {
    }

    /**
     * @param days    the period: the {@code days} days up to {@code now}
     * @param service only this service, or {@code null} for all
     */
    public static Report build(RetroState state, Iterable<Event> events, Instant now, int days, String service) {
        return build(state, IncidentMilestones.of(events), now, days, service);
    }

    /**
     * The report from the state and the milestones folded from its events (see {@code RetroGate.report},
     * which keeps them up to date without reading the history again).
     */
    public static Report build(RetroState state, IncidentMilestones milestones, Instant now, int days,
            String service) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException("days", days, "must be between 1 and " + MAX_DAYS);
        }
        String only = service == null ? null : Names.service("service", service);
        Instant from = now.minus(Duration.ofDays(days));
        List<Deployment> deployments = state.deployments().values().stream()
                .filter(d -> d.production() && d.outcome() != null && d.endedAt() != null)
                .filter(d -> within(d.endedAt(), from, now))
                .filter(d -> only == null || d.service().equals(only)).toList();
        List<Incident> incidents = state.incidents().values().stream()
                .filter(i -> within(i.detectedAt(), from, now))
                .filter(i -> only == null || i.affects(only)).toList();
        TreeSet<String> services = new TreeSet<>();
        deployments.forEach(d -> services.add(d.service()));
        incidents.forEach(i -> services.addAll(i.affectedServices()));
        if (only != null) {
            services.retainAll(List.of(only));
            services.add(only);
        }
        List<ServiceFigures> figures = new ArrayList<>();
        for (String name : services) {
            figures.add(service(name, deployments, incidents, milestones, days));
        }
        return new Report(now, from, now, days, only, figures,
                retro(state, incidents, milestones, only, from, now), daily(deployments, from, now),
                summaries(state, incidents, milestones));
    }

    private static List<IncidentSummary> summaries(RetroState state, List<Incident> incidents,
            IncidentMilestones milestones) {
        List<IncidentSummary> result = new ArrayList<>();
        for (Incident incident : incidents) {
            List<ActionItem> items = state.itemsOf(incident.id());
            result.add(new IncidentSummary(incident.id(), incident.title(), incident.affectedServices(),
                    incident.status().name(), incident.detectedAt(), since(incident, milestones.restoredAt(incident.id())),
                    since(incident, milestones.reviewedAt(incident.id())), items.size(),
                    (int) items.stream().filter(i -> i.status().isActive()).count(), incident.similarIncidents()));
        }
        result.sort(Comparator.comparing(IncidentSummary::detectedAt).thenComparing(IncidentSummary::id));
        return result;
    }

    private static Duration since(Incident incident, Instant at) {
        return at == null ? null : nonNegative(Duration.between(incident.detectedAt(), at));
    }

    private static ServiceFigures service(String name, List<Deployment> all, List<Incident> allIncidents,
            IncidentMilestones milestones, int days) {
        List<Deployment> mine = all.stream().filter(d -> d.service().equals(name)).toList();
        int succeeded = (int) mine.stream().filter(d -> d.outcome() == Outcome.SUCCEEDED).count();
        int failed = mine.size() - succeeded;
        List<Duration> restore = new ArrayList<>();
        int incidents = 0;
        for (Incident incident : allIncidents) {
            if (incident.affects(name)) {
                incidents++;
                Instant restored = milestones.restoredAt(incident.id());
                if (restored != null) {
                    restore.add(nonNegative(Duration.between(incident.detectedAt(), restored)));
                }
            }
        }
        return new ServiceFigures(name, mine.size(), succeeded, failed, round((double) succeeded / days),
                mine.isEmpty() ? null : round((double) failed / mine.size()), incidents, restore.size(), median(restore));
    }

    private static RetroFigures retro(RetroState state, List<Incident> incidents, IncidentMilestones milestones,
            String only, Instant from, Instant now) {
        List<Duration> toRetro = new ArrayList<>();
        int recurring = 0;
        for (Incident incident : incidents) {
            Instant reviewed = milestones.reviewedAt(incident.id());
            if (reviewed != null) {
                toRetro.add(nonNegative(Duration.between(incident.detectedAt(), reviewed)));
            }
            if (!incident.similarIncidents().isEmpty()) {
                recurring++;
            }
        }
        List<Duration> cycle = new ArrayList<>();
        int open = 0;
        List<String> overdue = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<ActionItem> items = state.items().values().stream()
                .filter(i -> only == null || i.guards(only))
                .sorted(Comparator.comparing(ActionItem::id)).toList();
        for (ActionItem item : items) {
            if (item.status() == ItemStatus.VERIFIED && item.verifiedAt() != null && within(item.verifiedAt(), from, now)) {
                cycle.add(nonNegative(Duration.between(item.createdAt(), item.verifiedAt())));
            }
            if (item.status().isActive()) {
                open++;
            }
            if (item.priority() == Priority.P0 && item.isOverdue(today)) {
                overdue.add(item.id());
            }
        }
        return new RetroFigures(incidents.size(), toRetro.size(), median(toRetro), cycle.size(), median(cycle), open,
                overdue, recurring, incidents.isEmpty() ? null : round((double) recurring / incidents.size()));
    }

    private static List<DailyDeployments> daily(List<Deployment> deployments, Instant from, Instant now) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC).plusDays(1);
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<LocalDate, int[]> counts = new HashMap<>();
        for (Deployment d : deployments) {
            int[] count = counts.computeIfAbsent(LocalDate.ofInstant(d.endedAt(), ZoneOffset.UTC), k -> new int[2]);
            count[d.outcome() == Outcome.SUCCEEDED ? 0 : 1]++;
        }
        List<DailyDeployments> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            int[] count = counts.getOrDefault(day, new int[2]);
            days.add(new DailyDeployments(day, count[0], count[1]));
        }
        return days;
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at.isAfter(from) && !at.isAfter(to);
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
