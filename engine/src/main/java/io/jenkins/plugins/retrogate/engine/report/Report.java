package io.jenkins.plugins.retrogate.engine.report;

import java.time.Instant;
import java.util.List;

/**
 * DORA figures per service and the retrospective's own figures, over the period {@code from}–{@code to}
 * ({@code service} set when the report is about one service only). Built by {@link ReportBuilder},
 * rendered by {@link ReportJson}, {@link ReportText} and {@link ReportHtml}.
 */
public record Report(Instant generatedAt, Instant from, Instant to, int days, String service,
        List<ServiceFigures> services, RetroFigures retro, List<DailyDeployments> daily,
        List<IncidentSummary> incidents) {
    public Report {
        services = List.copyOf(services);
        incidents = List.copyOf(incidents);
        daily = List.copyOf(daily);
    }
}
