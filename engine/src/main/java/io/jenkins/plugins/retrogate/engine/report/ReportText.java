package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The report as plain text for a terminal. */
public final class ReportText {
    private ReportText() {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** The report with its times in UTC. */
    public static String write(Report report) {
        return write(report, ZoneOffset.UTC);
    }

    /**
     * The report with its header's period in the reader's zone, in words: "the 30 days from Tue 3 Nov 2026,
     * 10:58 to Thu 3 Dec 2026, 10:58 (Europe/Paris)".
     */
    public static String write(Report report, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        ZonedDateTime from = report.from().atZone(zone);
        ZonedDateTime to = report.to().atZone(zone);
        text.append("Retro Gate report").append(report.service() == null ? "" : " for " + report.service())
                .append(": the ").append(report.days() == 1 ? "day" : report.days() + " days").append(" from ")
                .append(DAY.format(from)).append(", ").append(TIME.format(from)).append(" to ")
                .append(DAY.format(to)).append(", ").append(TIME.format(to)).append(" (")
                .append(zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId()).append(")\n\n");
        if (!report.trackers().isEmpty()) {
            text.append("Trackers:\n");
            report.trackers().forEach(t -> text.append("  ").append(t.line()).append('\n'));
            text.append('\n');
        }
        text.append("DORA, production only (deployments, rollbacks, incidents) per service:\n");
        if (report.services().isEmpty()) {
            text.append("  no production deployments or incidents in this period\n");
        }
        text.append(String.format(Locale.ROOT, "  %-24s %8s %10s %12s %10s %16s %9s%n", "service", "deploys",
                "per day", "fail rate", "incidents", "time to restore", "bypasses"));
        for (ServiceFigures s : report.services()) {
            text.append(String.format(Locale.ROOT, "  %-24s %8d %10.3f %12s %10d %16s %9d%n", s.service(),
                    s.deployments(), s.deploymentsPerDay(), percent(s.changeFailureRate()), s.incidents(),
                    human(s.medianTimeToRestore()), s.bypassed()));
        }
        bypasses(text, report);
        if (!report.notificationFailures().isEmpty()) {
            text.append("\nNotifications that could not be delivered (no decision changed): ")
                    .append(report.notificationFailures().size()).append('\n');
            for (NotificationFailed f : report.notificationFailures()) {
                text.append("  ").append(f.at()).append(' ').append(f.kind()).append(' ').append(f.subject())
                        .append(" to ").append(f.format()).append(' ').append(f.target()).append(" after ")
                        .append(f.attempts()).append(" tries: ").append(f.error()).append('\n');
            }
        }
        RetroFigures r = report.retro();
        if (!report.overdueRetros().isEmpty()) {
            text.append("\nRetrospectives overdue (not REVIEWED in time): ").append(report.overdueRetros().size()).append('\n');
            for (OverdueRetro o : report.overdueRetros()) {
                text.append("  ").append(o.incidentId()).append(' ').append(o.title()).append(" (")
                        .append(String.join(", ", o.services())).append("): detected ").append(o.daysSinceDetection())
                        .append(" days ago\n");
            }
        }
        text.append("\nRetrospectives:\n");
        text.append("  incidents:               ").append(r.incidents()).append(" (").append(r.reviewed())
                .append(" reviewed)\n");
        text.append("  time to retro (median):  ").append(human(r.medianTimeToRetro())).append('\n');
        text.append("  item cycle time (median, created → verified): ").append(human(r.medianItemCycleTime()))
                .append(" over ").append(r.itemsVerified()).append(" verified item(s)\n");
        text.append("  items still open:        ").append(r.openItems()).append('\n');
        text.append("  overdue P0 items:        ").append(r.overdueP0().size())
                .append(r.overdueP0().isEmpty() ? "" : " (" + String.join(", ", r.overdueP0()) + ")").append('\n');
        text.append("  recurrence rate:         ").append(percent(r.recurrenceRate())).append(" (")
                .append(r.recurring()).append(" incident(s) seen before)\n");
        if (!report.incidents().isEmpty()) {
            text.append("\nIncidents:\n");
        }
        for (IncidentSummary i : report.incidents()) {
            text.append(String.format(Locale.ROOT, "  %-8s %-9s restore %-8s retro %-8s items %d (%d open)  %s%n",
                    i.id(), i.status(), human(i.timeToRestore()), human(i.timeToRetro()), i.items(), i.activeItems(),
                    i.title()));
        }
        return text.toString();
    }

    private static void bypasses(StringBuilder text, Report report) {
        text.append("\nGate bypasses (production deployments without a decision that let them through): ")
                .append(report.bypasses().size()).append('\n');
        for (Bypass b : report.bypasses()) {
            text.append("  ").append(b.deploymentId()).append(' ').append(b.service()).append(" → ")
                    .append(b.environment()).append(b.version() == null ? "" : " " + b.version()).append(" at ")
                    .append(b.startedAt()).append(b.requestedBy() == null ? "" : " by " + b.requestedBy())
                    .append(b.buildUrl() == null ? "" : " build " + b.buildUrl()).append(": ").append(b.reason())
                    .append('\n');
        }
    }

    /** A rate as a percentage, {@code -} when there is nothing to measure. */
    static String percent(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A duration as people read it: {@code 45s}, {@code 12m}, {@code 3h 05m}, {@code 2d 4h}. */
    static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %dh", seconds / 86_400, seconds % 86_400 / 3600);
    }
}
