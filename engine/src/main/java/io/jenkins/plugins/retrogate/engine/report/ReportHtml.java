package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;

import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts, no script and
 * nothing fetched from elsewhere, so it can be archived as a build artifact or mailed. Every text
 * that came from users is escaped.
 */
public final class ReportHtml {
    private static final int CHART_WIDTH = 720;
    private static final int CHART_HEIGHT = 180;

    private ReportHtml() {
    }

    public static String write(Report report) {
        StringBuilder html = new StringBuilder(8192);
        String title = "Retro Gate report" + (report.service() == null ? "" : " — " + report.service());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}\n")
                .append("th:first-child,td:first-child{text-align:left}h2{margin-top:1.6em}.muted{color:#666}\n")
                .append("svg text{font-size:11px;fill:#444}.warning{color:#b71c1c;font-weight:bold}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"muted\">").append(report.days())
                .append(" days up to ").append(escape(report.to().toString())).append("</p>\n");
        trackers(html, report.trackers());
        services(html, report.services());
        html.append("<h2>Production deployments per day</h2>\n").append(dailyChart(report.daily()));
        html.append("<h2>Change failure rate</h2>\n").append(rateChart(report.services()));
        bypasses(html, report.bypasses());
        notificationFailures(html, report.notificationFailures());
        if (!report.overdueRetros().isEmpty()) {
            html.append("<h2>Retrospectives overdue</h2>\n<table>\n<tr><th>Incident</th><th>Title</th><th>Services</th>")
                    .append("<th>Detected</th><th>Days since</th></tr>\n");
            for (OverdueRetro o : report.overdueRetros()) {
                html.append("<tr><td>").append(escape(o.incidentId())).append("</td><td>").append(escape(o.title()))
                        .append("</td><td>").append(escape(String.join(", ", o.services()))).append("</td><td>")
                        .append(escape(o.detectedAt().toString())).append("</td><td>").append(o.daysSinceDetection())
                        .append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        retro(html, report.retro());
        incidents(html, report.incidents());
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void trackers(StringBuilder html, List<TrackerStatus> trackers) {
        if (trackers.isEmpty()) {
            return;
        }
        html.append("<h2>Trackers</h2>\n");
        for (TrackerStatus t : trackers) {
            html.append(t.warning() ? "<p class=\"warning\">" : "<p>").append(escape(t.line())).append("</p>\n");
        }
    }

    private static void services(StringBuilder html, List<ServiceFigures> services) {
        html.append("<h2>DORA figures per service, production only</h2>\n")
                .append("<p class=\"muted\">Production deployments, production rollbacks and the incidents of")
                .append(" production failures; rollbacks in other environments are not counted.</p>\n");
        if (services.isEmpty()) {
            html.append("<p>No production deployments or incidents in this period.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>Service</th><th>Production deployments</th><th>Per day</th>")
                .append("<th>Change failure rate</th><th>Production incidents</th><th>Time to restore (median)</th>")
                .append("<th>Gate bypasses</th></tr>\n");
        for (ServiceFigures s : services) {
            html.append("<tr><td>").append(escape(s.service())).append("</td><td>").append(s.deployments())
                    .append("</td><td>").append(String.format(Locale.ROOT, "%.3f", s.deploymentsPerDay()))
                    .append("</td><td>").append(ReportText.percent(s.changeFailureRate())).append("</td><td>")
                    .append(s.incidents()).append("</td><td>").append(ReportText.human(s.medianTimeToRestore()))
                    .append("</td><td").append(s.bypassed() > 0 ? " class=\"warning\">" : ">").append(s.bypassed())
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void bypasses(StringBuilder html, List<Bypass> bypasses) {
        html.append("<h2>Gate bypasses</h2>\n");
        if (bypasses.isEmpty()) {
            html.append("<p>No production deployment bypassed the gate in this period.</p>\n");
            return;
        }
        html.append("<p class=\"warning\">").append(bypasses.size())
                .append(" production deployment(s) went out without a gate decision that let them through.</p>\n")
                .append("<table>\n<tr><th>Deployment</th><th>Service</th><th>Environment</th><th>Version</th>")
                .append("<th>Started</th><th>By</th><th>Build</th><th>Why</th></tr>\n");
        for (Bypass b : bypasses) {
            html.append("<tr><td>").append(escape(b.deploymentId())).append("</td><td>").append(escape(b.service()))
                    .append("</td><td>").append(escape(b.environment())).append("</td><td>")
                    .append(escape(b.version() == null ? "" : b.version())).append("</td><td>")
                    .append(escape(b.startedAt().toString())).append("</td><td>")
                    .append(escape(b.requestedBy() == null ? "" : b.requestedBy())).append("</td><td>")
                    .append(escape(b.buildUrl() == null ? "" : b.buildUrl())).append("</td><td>")
                    .append(escape(b.reason())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void notificationFailures(StringBuilder html, List<NotificationFailed> failures) {
        if (failures.isEmpty()) {
            return;
        }
        html.append("<h2>Notifications not delivered</h2>\n<p class=\"warning\">").append(failures.size())
                .append(" notification(s) about override requests could not be delivered (no decision changed).</p>\n")
                .append("<table>\n<tr><th>At</th><th>What</th><th>About</th><th>To</th><th>Tries</th><th>Last error</th></tr>\n");
        for (NotificationFailed f : failures) {
            html.append("<tr><td>").append(escape(f.at().toString())).append("</td><td>").append(escape(f.kind()))
                    .append("</td><td>").append(escape(f.subject())).append("</td><td>")
                    .append(escape(f.format() + " " + f.target())).append("</td><td>").append(f.attempts())
                    .append("</td><td>").append(escape(f.error())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void retro(StringBuilder html, RetroFigures r) {
        html.append("<h2>Retrospectives</h2>\n<table>\n");
        row(html, "Incidents", r.incidents() + " (" + r.reviewed() + " reviewed)");
        row(html, "Time to retro (median, detected → reviewed)", ReportText.human(r.medianTimeToRetro()));
        row(html, "Item cycle time (median, created → verified)", ReportText.human(r.medianItemCycleTime())
                + " over " + r.itemsVerified() + " verified item(s)");
        row(html, "Items not yet proven (open or resolved)", String.valueOf(r.openItems()));
        row(html, "Overdue P0 items", r.overdueP0().size()
                + (r.overdueP0().isEmpty() ? "" : " (" + String.join(", ", r.overdueP0()) + ")"));
        row(html, "Recurrence rate (incidents seen before)", ReportText.percent(r.recurrenceRate()) + " ("
                + r.recurring() + ")");
        html.append("</table>\n");
    }

    private static void incidents(StringBuilder html, List<IncidentSummary> incidents) {
        html.append("<h2>Incidents</h2>\n");
        if (incidents.isEmpty()) {
            html.append("<p>No incidents in this period.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>Incident</th><th>Title</th><th>Services</th><th>Status</th>")
                .append("<th>Time to restore</th><th>Time to retro</th><th>Items (open)</th><th>Seen before</th></tr>\n");
        for (IncidentSummary i : incidents) {
            html.append("<tr><td>").append(escape(i.id())).append("</td><td>").append(escape(i.title()))
                    .append("</td><td>").append(escape(String.join(", ", i.services()))).append("</td><td>")
                    .append(escape(i.status())).append("</td><td>").append(ReportText.human(i.timeToRestore()))
                    .append("</td><td>").append(ReportText.human(i.timeToRetro())).append("</td><td>")
                    .append(i.items()).append(" (").append(i.activeItems()).append(")</td><td>")
                    .append(escape(String.join(", ", i.seenBefore()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(escape(label)).append("</td><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String dailyChart(List<DailyDeployments> days) {
        int max = Math.max(1, days.stream().mapToInt(d -> d.succeeded() + d.failed()).max().orElse(0));
        double bar = (double) CHART_WIDTH / Math.max(1, days.size());
        int top = 10;
        int bottom = CHART_HEIGHT - 20;
        StringBuilder svg = svgStart(CHART_WIDTH + 40, CHART_HEIGHT, "Production deployments per day");
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%d</text>%n", top + 4, max));
        for (int i = 0; i < days.size(); i++) {
            DailyDeployments d = days.get(i);
            double x = 30 + i * bar;
            double okHeight = (bottom - top) * (double) d.succeeded() / max;
            double failHeight = (bottom - top) * (double) d.failed() / max;
            if (d.succeeded() + d.failed() == 0) {
                continue;
            }
            String tip = escape(d.day() + ": " + d.succeeded() + " succeeded, " + d.failed() + " failed");
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2e7d32\"><title>%s</title></rect>%n",
                    x, bottom - okHeight, Math.max(1, bar - 2), okHeight, tip));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#c62828\"><title>%s</title></rect>%n",
                    x, bottom - okHeight - failHeight, Math.max(1, bar - 2), failHeight, tip));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"30\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>%n",
                bottom, 30 + CHART_WIDTH, bottom));
        if (!days.isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"30\" y=\"%d\">%s</text>%n", CHART_HEIGHT - 4,
                    escape(days.get(0).day().toString())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    30 + CHART_WIDTH, CHART_HEIGHT - 4, escape(days.get(days.size() - 1).day().toString())));
        }
        return svg.append("</svg>\n<p class=\"muted\">green: succeeded, red: failed or rolled back</p>\n").toString();
    }

    private static String rateChart(List<ServiceFigures> services) {
        List<ServiceFigures> measured = services.stream().filter(s -> s.changeFailureRate() != null).toList();
        if (measured.isEmpty()) {
            return "<p>No finished production deployments in this period.</p>\n";
        }
        int rowHeight = 22;
        int height = measured.size() * rowHeight + 10;
        int labelWidth = 200;
        int barWidth = CHART_WIDTH - labelWidth - 60;
        StringBuilder svg = svgStart(CHART_WIDTH, height, "Change failure rate per service");
        for (int i = 0; i < measured.size(); i++) {
            ServiceFigures s = measured.get(i);
            int y = 5 + i * rowHeight;
            double width = barWidth * s.changeFailureRate();
            svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>%n", y + 14, escape(s.service())));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#eee\"/>%n", labelWidth, y, barWidth));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"#ef6c00\"><title>%s</title></rect>%n",
                    labelWidth, y, width, escape(s.service() + ": " + s.failed() + " of " + s.deployments() + " failed")));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", labelWidth + barWidth + 6,
                    y + 14, ReportText.percent(s.changeFailureRate())));
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder svgStart(int width, int height, String label) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
                width, height, width, height, escape(label)));
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
