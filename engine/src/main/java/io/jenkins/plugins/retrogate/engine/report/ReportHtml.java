package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;

import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;

import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: inline CSS and inline SVG charts, no script and
 * nothing fetched from elsewhere, so it can be archived as a build artifact or mailed. Every text
 * that came from users is escaped.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String write(Report report) {
        StringBuilder html = new StringBuilder(8192);
        String title = "Retro Gate report" + (report.service() == null ? "" : " — " + report.service());
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .6em;")
                .append("text-align:left;vertical-align:top}th{background:#f3f3f3}td.num,th.num{text-align:right;")
                .append("font-variant-numeric:tabular-nums}h2{margin-top:1.6em}.muted{color:#666}\n")
                .append("svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#333}")
                .append(".warning{color:#b71c1c;font-weight:bold}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"muted\">").append(report.days())
                .append(" days up to ").append(escape(report.to().toString())).append("</p>\n");
        trackers(html, report.trackers());
        services(html, report.services());
        html.append("<h2>Production deployments per day</h2>\n").append(ReportCharts.daily(report.daily()));
        html.append("<h2>Change failure rate</h2>\n").append(ReportCharts.rates(report.services()));
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
        items(html, report.items());
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
        html.append("<table>\n<tr><th>Service</th><th class=\"num\">Production deployments</th><th class=\"num\">Per day</th>")
                .append("<th class=\"num\">Change failure rate</th><th class=\"num\">Production incidents</th>")
                .append("<th class=\"num\">Time to restore (median)</th><th class=\"num\">Gate bypasses</th></tr>\n");
        for (ServiceFigures s : services) {
            html.append("<tr><td>").append(escape(s.service())).append("</td><td class=\"num\">").append(s.deployments())
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.3f", s.deploymentsPerDay()))
                    .append("</td><td class=\"num\">").append(ReportText.percent(s.changeFailureRate()))
                    .append("</td><td class=\"num\">").append(s.incidents()).append("</td><td class=\"num\">")
                    .append(ReportText.human(s.medianTimeToRestore())).append("</td><td class=\"num")
                    .append(s.bypassed() > 0 ? " warning\">" : "\">").append(s.bypassed()).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void items(StringBuilder html, List<ActionItem> items) {
        html.append("<h2>Action items of these incidents</h2>\n");
        if (items.isEmpty()) {
            html.append("<p>No action items.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>Item</th><th>Title</th><th>Priority</th><th>Type</th><th>Owner</th>")
                .append("<th>Status</th><th>Ticket</th><th>Due</th></tr>\n");
        for (ActionItem i : items) {
            io.jenkins.plugins.retrogate.engine.model.Ticket ticket = i.ticket();
            java.time.LocalDate due = i.due();
            html.append("<tr><td>").append(escape(i.id())).append("</td><td>").append(escape(i.title()))
                    .append("</td><td>").append(i.priority()).append("</td><td>").append(escape(i.type().name()))
                    .append("</td><td>").append(escape(i.owner())).append("</td><td>").append(i.status())
                    .append("</td><td>").append(escape(ticket == null ? "" : ticket.key()))
                    .append("</td><td>").append(due == null ? "" : escape(due.toString())).append("</td></tr>\n");
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
