package io.jenkins.plugins.retrogate.engine.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.util.Locale;

/**
 * The retrospective as Markdown that pastes cleanly into GitHub or Confluence: tables for the timeline,
 * the people and the items; every text that came from users is escaped, so a {@code |} cannot break a
 * table and {@code <script>}, backticks or emphasis marks show as typed.
 */
public final class RetrospectiveMarkdown {
    private RetrospectiveMarkdown() {
    }

    public static String write(Retrospective retro) {
        Incident i = retro.incident();
        StringBuilder md = new StringBuilder(4096);
        md.append("# Retrospective: ").append(i.id()).append(" — ").append(escape(i.title())).append("\n\n");
        md.append("*Generated from the event log at ").append(Retrospective.shown(retro.generatedAt()))
                .append(". A blameless review: we look at how the system let this happen, not at who.*\n\n");
        md.append("## Summary\n\n");
        md.append("| Field | Value |\n|---|---|\n");
        row(md, "Status", i.status().name());
        Severity severity = i.severity();
        row(md, "Severity", severity == null ? "not set" : severity.name());
        row(md, "Affected services", escape(String.join(", ", i.affectedServices())));
        row(md, "Detected", Retrospective.shown(i.detectedAt()) + " (" + lower(i.detection().name()) + ")");
        String rootCause = i.rootCause();
        row(md, "Root cause", rootCause == null ? "*open: to settle in the meeting*" : escape(rootCause));
        md.append('\n');
        md.append("## Timeline\n\n| Time (UTC) | What happened | Source |\n|---|---|---|\n");
        for (Retrospective.Entry e : retro.timeline()) {
            md.append("| ").append(Retrospective.shown(e.at())).append(" | ").append(escape(e.what())).append(" | ")
                    .append(escape(e.source())).append(" |\n");
        }
        md.append("\n## The five questions\n\n");
        for (Retrospective.Question q : retro.questions()) {
            md.append("- **").append(q.question()).append("** ").append(q.open()
                    ? "*Open question: to settle in the meeting.*" : escape(q.answer())).append('\n');
        }
        md.append("\n## People to hear\n\n").append(Retrospective.ROLES_NOT_BLAME).append("\n\n");
        if (retro.people().isEmpty()) {
            md.append("Nobody is recorded yet: ask who introduced, identified, responded, debugged and resolved.\n");
        } else {
            md.append("| Role | Person | Why |\n|---|---|---|\n");
            for (Retrospective.Person p : retro.people()) {
                md.append("| ").append(lower(p.role().name())).append(" | ").append(escape(p.name())).append(" | ")
                        .append(p.recorded() ? "recorded" : "proposed: " + escape(p.basis())).append(" |\n");
            }
        }
        md.append("\n## Action items\n\n");
        if (retro.items().isEmpty()) {
            md.append("No action items yet.\n");
        } else {
            md.append("| Id | Priority | Type | Title | Owner | Ticket | Status | Verified by |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (ActionItem item : retro.items()) {
                md.append("| ").append(item.id()).append(" | ").append(item.priority()).append(" | ")
                        .append(lower(item.type().name())).append(" | ").append(escape(item.title())).append(" | ")
                        .append(orDash(item.owner())).append(" | ")
                        .append(ticket(item)).append(" | ")
                        .append(item.status()).append(" | ").append(orDash(item.verifiedBy())).append(" |\n");
            }
        }
        md.append("\n## Seen before\n\n");
        if (retro.similar().isEmpty()) {
            md.append("No similar incident is linked.\n");
        }
        for (Retrospective.Similar s : retro.similar()) {
            md.append("### ").append(s.id()).append(" — ").append(escape(s.title())).append("\n\n");
            md.append("- Root cause then: ").append(s.rootCause() == null ? "not recorded" : escape(s.rootCause()))
                    .append('\n');
            for (ActionItem item : s.items()) {
                md.append("- ").append(item.id()).append(" (").append(item.priority()).append(", ")
                        .append(item.status()).append("): ").append(escape(item.title())).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String field, String value) {
        md.append("| ").append(field).append(" | ").append(value).append(" |\n");
    }

    private static String ticket(ActionItem item) {
        Ticket ticket = item.ticket();
        return ticket == null ? "—" : escape(ticket.key());
    }

    private static String orDash(@CheckForNull String text) {
        return text == null ? "—" : escape(text);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * Escapes user text for Markdown: the characters that start markup, HTML or a table cell are
     * backslash-escaped and line breaks become spaces, so the text shows as typed on one table row.
     */
    public static String escape(@CheckForNull String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\r' || c == '\n') {
                out.append(' ');
            } else if ("\\`*_[]<>|~&#".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
