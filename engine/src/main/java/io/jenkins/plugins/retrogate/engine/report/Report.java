package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import java.time.Instant;
import java.util.List;

/**
 * DORA figures per service and the retrospective's own figures, over the period {@code from}–{@code to}
 * ({@code service} set when the report is about one service only). Built by {@link ReportBuilder},
 * rendered by {@link ReportJson}, {@link ReportText} and {@link ReportHtml}. {@code trackers} says how
 * fresh the ticket trackers' data is (empty when no tracker is configured; see {@link #withTrackers}).
 * {@code bypasses} lists the production deployments started in the period that bypassed the gate, oldest
 * first; each service's figures count its own. {@code notificationFailures} are the notifications about
 * override requests that could not be delivered in the period (they changed no decision);
 * {@code overdueRetros} the incidents whose retrospective is overdue now ({@link #withOverdueRetros});
 * {@code items} the action items of the period's incidents, by incident.
 */
public record Report(Instant generatedAt, Instant from, Instant to, int days, String service,
        List<ServiceFigures> services, RetroFigures retro, List<DailyDeployments> daily,
        List<IncidentSummary> incidents, List<TrackerStatus> trackers, List<Bypass> bypasses,
        List<NotificationFailed> notificationFailures, List<OverdueRetro> overdueRetros, List<ActionItem> items) {
    public Report {
        services = List.copyOf(services);
        incidents = List.copyOf(incidents);
        daily = List.copyOf(daily);
        trackers = trackers == null ? List.of() : List.copyOf(trackers);
        bypasses = bypasses == null ? List.of() : List.copyOf(bypasses);
        notificationFailures = notificationFailures == null ? List.of() : List.copyOf(notificationFailures);
        overdueRetros = overdueRetros == null ? List.of() : List.copyOf(overdueRetros);
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** The same report with these overdue retrospectives (the caller knows the policy's due days). */
    public Report withOverdueRetros(List<OverdueRetro> overdue) {
        return new Report(generatedAt, from, to, days, service, services, retro, daily, incidents, trackers,
                bypasses, notificationFailures, overdue, items);
    }

    /** The same report with these tracker statuses (the caller knows the trackers and their sync state). */
    public Report withTrackers(List<TrackerStatus> statuses) {
        return new Report(generatedAt, from, to, days, service, services, retro, daily, incidents, statuses,
                bypasses, notificationFailures, overdueRetros, items);
    }
}
