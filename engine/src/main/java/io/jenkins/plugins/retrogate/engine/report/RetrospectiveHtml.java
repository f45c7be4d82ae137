package io.jenkins.plugins.retrogate.engine.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.util.Locale;

/**
 * The retrospective as one self-contained HTML page that prints well: inline CSS with a print
 * stylesheet, no script, nothing fetched from elsewhere. Every text is escaped.
 */
public final class RetrospectiveHtml {
    private RetrospectiveHtml() {
    }

    public static String write(Retrospective retro) {
        Incident i = retro.incident();
        String title = "Retrospective: " + i.id() + " — " + i.title();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(e(title))
                .append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em;")
                .append("color:#222;max-width:60em;line-height:1.4}\n")
                .append("table{border-collapse:collapse;margin:.6em 0 1.2em;width:100%}")
                .append("td,th{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("th{background:#f0f0f0}\n")
                .append("td.time{white-space:nowrap;font-variant-numeric:tabular-nums}.muted{color:#666}")
                .append(".open{color:#8a4b00;font-style:italic}dt{font-weight:bold;margin-top:.5em}dd{margin-left:1.5em}\n")
                .append("@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{break-after:avoid}")
                .append("tr,dd,li{break-inside:avoid}th{background:none}a{color:inherit;text-decoration:none}}\n")
                .append("@page{margin:1.5cm}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(e(title)).append("</h1>\n<p class=\"muted\">Generated from the event log at ")
                .append(e(Retrospective.shown(retro.generatedAt())))
                .append(". A blameless review: we look at how the system let this happen, not at who.</p>\n");
        h.append("<h2>Summary</h2>\n<table>\n");
        row(h, "Status", e(i.status().name()));
        Severity severity = i.severity();
        row(h, "Severity", severity == null ? "not set" : e(severity.name()));
        row(h, "Affected services", e(String.join(", ", i.affectedServices())));
        row(h, "Detected", e(Retrospective.shown(i.detectedAt()) + " (" + lower(i.detection().name()) + ")"));
        row(h, "Root cause", i.rootCause() == null ? "<span class=\"open\">open: to settle in the meeting</span>"
                : e(i.rootCause()));
        h.append("</table>\n<h2>Timeline</h2>\n<table>\n<tr><th>Time (UTC)</th><th>What happened</th><th>Source</th></tr>\n");
        for (Retrospective.Entry x : retro.timeline()) {
            h.append("<tr><td class=\"time\">").append(e(Retrospective.shown(x.at()))).append("</td><td>").append(e(x.what()))
                    .append("</td><td>").append(e(x.source())).append("</td></tr>\n");
        }
        h.append("</table>\n<h2>The five questions</h2>\n<dl>\n");
        for (Retrospective.Question q : retro.questions()) {
            h.append("<dt>").append(e(q.question())).append("</dt><dd>").append(q.open()
                    ? "<span class=\"open\">Open question: to settle in the meeting.</span>" : e(q.answer()))
                    .append("</dd>\n");
        }
        h.append("</dl>\n<h2>People to hear</h2>\n<p>").append(e(Retrospective.ROLES_NOT_BLAME)).append("</p>\n");
        if (retro.people().isEmpty()) {
            h.append("<p class=\"open\">Nobody is recorded yet.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Role</th><th>Person</th><th>Why</th></tr>\n");
            for (Retrospective.Person p : retro.people()) {
                h.append("<tr><td>").append(e(lower(p.role().name()))).append("</td><td>").append(e(p.name()))
                        .append("</td><td>").append(p.recorded() ? "recorded" : "proposed: " + e(p.basis()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Action items</h2>\n");
        if (retro.items().isEmpty()) {
            h.append("<p>No action items yet.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Id</th><th>Priority</th><th>Type</th><th>Title</th><th>Owner</th>")
                    .append("<th>Ticket</th><th>Status</th><th>Verified by</th></tr>\n");
            for (ActionItem item : retro.items()) {
                h.append("<tr><td>").append(e(item.id())).append("</td><td>").append(e(item.priority().name()))
                        .append("</td><td>").append(e(lower(item.type().name()))).append("</td><td>")
                        .append(e(item.title())).append("</td><td>").append(dash(item.owner())).append("</td><td>")
                        .append(ticket(item)).append("</td><td>")
                        .append(e(item.status().name())).append("</td><td>").append(dash(item.verifiedBy()))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Seen before</h2>\n");
        if (retro.similar().isEmpty()) {
            h.append("<p>No similar incident is linked.</p>\n");
        }
        for (Retrospective.Similar s : retro.similar()) {
            h.append("<h3>").append(e(s.id() + " — " + s.title())).append("</h3>\n<ul>\n<li>Root cause then: ")
                    .append(s.rootCause() == null ? "not recorded" : e(s.rootCause())).append("</li>\n");
            for (ActionItem item : s.items()) {
                h.append("<li>").append(e(item.id() + " (" + item.priority() + ", " + item.status() + "): "
                        + item.title())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String field, String escapedValue) {
        h.append("<tr><th>").append(field).append("</th><td>").append(escapedValue).append("</td></tr>\n");
    }

    private static String ticket(ActionItem item) {
        Ticket ticket = item.ticket();
        return ticket == null ? "—" : e(ticket.key());
    }

    private static String dash(@CheckForNull String text) {
        return text == null ? "—" : e(text);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String e(@CheckForNull String text) {
        return ReportHtml.escape(text);
    }
}
