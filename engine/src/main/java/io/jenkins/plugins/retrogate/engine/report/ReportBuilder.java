package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
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
import java.util.Objects;
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
     * Builds the report of a period from the state and the events.
     *
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
        // one pass each, grouped as they come: a report over thousands of services must not scan
        // every deployment per service
        List<Deployment> deployments = new ArrayList<>();
        Map<String, List<Deployment>> deploymentsByService = new HashMap<>();
        List<Bypass> bypasses = new ArrayList<>();
        Map<String, Integer> bypassesByService = new HashMap<>();
        for (Deployment d : state.deployments().values()) {
            if (!d.production() || (only != null && !d.service().equals(only))) {
                continue;
            }
            Instant ended = d.endedAt();
            if (d.outcome() != null && ended != null && within(ended, from, now)) {
                deployments.add(d);
                deploymentsByService.computeIfAbsent(d.service(), k -> new ArrayList<>()).add(d);
            }
            if (d.bypassed() && within(d.startedAt(), from, now)) {
                bypasses.add(new Bypass(d.id(), d.service(), d.environment(), d.ref().url(), d.ref().version(),
                        d.startedAt(), d.requestedBy(), d.decision(), d.bypass()));
                bypassesByService.merge(d.service(), 1, Integer::sum);
            }
        }
        bypasses.sort(Comparator.comparing(Bypass::startedAt).thenComparing(Bypass::deploymentId));
        List<Incident> incidents = new ArrayList<>();
        // the DORA figures count production failures only: an incident a rollback opened outside
        // production (the policy may allow it) stays in the retrospective figures, not in these
        Map<String, List<Incident>> incidentsByService = new HashMap<>();
        for (Incident incident : state.incidents().values()) {
            if (within(incident.detectedAt(), from, now) && (only == null || incident.affects(only))) {
                incidents.add(incident);
                if (!production(state, incident)) {
                    continue;
                }
                for (String affected : new java.util.LinkedHashSet<>(incident.affectedServices())) {
                    incidentsByService.computeIfAbsent(affected, k -> new ArrayList<>()).add(incident);
                }
            }
        }
        TreeSet<String> services = new TreeSet<>(deploymentsByService.keySet());
        services.addAll(bypassesByService.keySet());
        services.addAll(incidentsByService.keySet());
        if (only != null) {
            services.retainAll(List.of(only));
            services.add(only);
        }
        ItemFigures items = ItemFigures.of(state, incidents, only, from, now);
        List<ServiceFigures> figures = new ArrayList<>();
        for (String name : services) {
            figures.add(service(name, deploymentsByService.getOrDefault(name, List.of()),
                    incidentsByService.getOrDefault(name, List.of()), milestones, days,
                    bypassesByService.getOrDefault(name, 0)));
        }
        return new Report(now, from, now, days, only, figures,
                retro(items, incidents, milestones), daily(deployments, from, now),
                summaries(items, incidents, milestones), List.of(), bypasses, milestones.notificationFailures(from, now),
                List.of(), itemsOf(state, incidents));
    }

    /** The action items of {@code incidents}, incident by incident (oldest incident first), each in id order. */
    private static List<io.jenkins.plugins.retrogate.engine.model.ActionItem> itemsOf(RetroState state,
            List<Incident> incidents) {
        List<io.jenkins.plugins.retrogate.engine.model.ActionItem> items = new ArrayList<>();
        incidents.stream().sorted(Comparator.comparing(Incident::detectedAt).thenComparing(Incident::id))
                .forEach(incident -> items.addAll(state.itemsOf(incident.id())));
        return items;
    }

    /**
     * Whether the incident is a production failure: opened by hand (incidents are production failures
     * unless a deployment says otherwise), or triggered by a production deployment.
     */
    private static boolean production(RetroState state, Incident incident) {
        DeploymentRef ref = incident.trigger();
        String triggerId = ref == null ? null : ref.deploymentId();
        if (triggerId == null) {
            return true;
        }
        Deployment trigger = state.deployments().get(triggerId);
        return trigger == null || trigger.production();
    }

    private static List<IncidentSummary> summaries(ItemFigures counts, List<Incident> incidents,
            IncidentMilestones milestones) {
        List<IncidentSummary> result = new ArrayList<>();
        for (Incident incident : incidents) {
            result.add(new IncidentSummary(incident.id(), incident.title(), incident.affectedServices(),
                    incident.status().name(), incident.detectedAt(), since(incident, milestones.restoredAt(incident.id())),
                    since(incident, milestones.reviewedAt(incident.id())), counts.items(incident.id()),
                    counts.active(incident.id()), incident.similarIncidents()));
        }
        result.sort(Comparator.comparing(IncidentSummary::detectedAt).thenComparing(IncidentSummary::id));
        return result;
    }

    private static Duration since(Incident incident, Instant at) {
        return at == null ? null : nonNegative(Duration.between(incident.detectedAt(), at));
    }

    /** The figures of service {@code name} from its own deployments and the incidents that affected it. */
    private static ServiceFigures service(String name, List<Deployment> mine, List<Incident> affecting,
            IncidentMilestones milestones, int days, int bypassed) {
        int succeeded = 0;
        for (Deployment d : mine) {
            if (d.outcome() == Outcome.SUCCEEDED) {
                succeeded++;
            }
        }
        int failed = mine.size() - succeeded;
        List<Duration> restore = new ArrayList<>();
        for (Incident incident : affecting) {
            Instant restored = milestones.restoredAt(incident.id());
            if (restored != null) {
                restore.add(nonNegative(Duration.between(incident.detectedAt(), restored)));
            }
        }
        return new ServiceFigures(name, mine.size(), succeeded, failed, round((double) succeeded / days),
                mine.isEmpty() ? null : round((double) failed / mine.size()), affecting.size(), restore.size(),
                median(restore), bypassed);
    }

    private static RetroFigures retro(ItemFigures items, List<Incident> incidents, IncidentMilestones milestones) {
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
        return new RetroFigures(incidents.size(), toRetro.size(), median(toRetro), items.cycleTimes.size(),
                median(items.cycleTimes), items.active, items.overdueP0, recurring,
                incidents.isEmpty() ? null : round((double) recurring / incidents.size()));
    }

    private static List<DailyDeployments> daily(List<Deployment> deployments, Instant from, Instant now) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC).plusDays(1);
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long firstDay = first.toEpochDay();
        int[][] counts = new int[(int) (last.toEpochDay() - firstDay + 1)][2];
        for (Deployment d : deployments) {
            // only ended deployments are counted (see build): a running one has no day yet
            long day = Math.floorDiv(Objects.requireNonNull(d.endedAt(), "endedAt").getEpochSecond(), 86_400L)
                    - firstDay;
            if (day >= 0 && day < counts.length) {
                counts[(int) day][d.outcome() == Outcome.SUCCEEDED ? 0 : 1]++;
            }
        }
        List<DailyDeployments> days = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            days.add(new DailyDeployments(first.plusDays(i), counts[i][0], counts[i][1]));
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
