package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The report as JSON. Durations are whole seconds ({@code …Seconds}, {@code null} when there is
 * nothing to measure), rates fractions between 0 and 1, instants ISO-8601 UTC.
 */
public final class ReportJson {
    private ReportJson() {
    }

    public static ObjectNode write(Report report) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("generatedAt", report.generatedAt().toString());
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("days", report.days());
        root.put("service", report.service());
        // the DORA figures count production deployments, rollbacks and incidents only
        root.put("servicesScope", "production");
        ArrayNode perService = root.putArray("services");
        for (ServiceFigures s : report.services()) {
            ObjectNode node = perService.addObject();
            node.put("service", s.service());
            node.put("deployments", s.deployments());
            node.put("succeeded", s.succeeded());
            node.put("failed", s.failed());
            node.put("deploymentsPerDay", s.deploymentsPerDay());
            node.put("changeFailureRate", s.changeFailureRate());
            node.put("incidents", s.incidents());
            node.put("restored", s.restored());
            node.put("medianTimeToRestoreSeconds", seconds(s.medianTimeToRestore()));
            node.put("bypassed", s.bypassed());
        }
        root.put("bypassCount", report.bypasses().size());
        ArrayNode bypasses = root.putArray("bypasses");
        for (Bypass b : report.bypasses()) {
            bypasses.addObject().put("deployment", b.deploymentId()).put("service", b.service())
                    .put("environment", b.environment()).put("buildUrl", b.buildUrl()).put("version", b.version())
                    .put("startedAt", instant(b.startedAt())).put("requestedBy", b.requestedBy())
                    .put("decision", b.decision() == null ? null : b.decision().name()).put("reason", b.reason());
        }
        ArrayNode lateRetros = root.putArray("overdueRetros");
        for (OverdueRetro o : report.overdueRetros()) {
            ObjectNode entry = lateRetros.addObject().put("incident", o.incidentId()).put("title", o.title())
                    .put("detectedAt", instant(o.detectedAt())).put("daysSinceDetection", o.daysSinceDetection());
            o.services().forEach(entry.putArray("services")::add);
        }
        ArrayNode failures = root.putArray("notificationFailures");
        for (NotificationFailed f : report.notificationFailures()) {
            failures.addObject().put("at", instant(f.at())).put("kind", f.kind()).put("subject", f.subject())
                    .put("format", f.format()).put("target", f.target()).put("attempts", f.attempts())
                    .put("error", f.error());
        }
        RetroFigures r = report.retro();
        ObjectNode retro = root.putObject("retrospective");
        retro.put("incidents", r.incidents());
        retro.put("reviewed", r.reviewed());
        retro.put("medianTimeToRetroSeconds", seconds(r.medianTimeToRetro()));
        retro.put("itemsVerified", r.itemsVerified());
        retro.put("medianItemCycleTimeSeconds", seconds(r.medianItemCycleTime()));
        retro.put("openItems", r.openItems());
        retro.put("overdueP0Count", r.overdueP0().size());
        ArrayNode overdue = retro.putArray("overdueP0");
        r.overdueP0().forEach(overdue::add);
        retro.put("recurring", r.recurring());
        retro.put("recurrenceRate", r.recurrenceRate());
        ArrayNode incidents = root.putArray("incidents");
        for (IncidentSummary i : report.incidents()) {
            ObjectNode node = incidents.addObject();
            node.put("id", i.id());
            node.put("title", i.title());
            ArrayNode services = node.putArray("services");
            i.services().forEach(services::add);
            node.put("status", i.status());
            node.put("detectedAt", i.detectedAt().toString());
            node.put("timeToRestoreSeconds", seconds(i.timeToRestore()));
            node.put("timeToRetroSeconds", seconds(i.timeToRetro()));
            node.put("items", i.items());
            node.put("activeItems", i.activeItems());
            ArrayNode seen = node.putArray("seenBefore");
            i.seenBefore().forEach(seen::add);
        }
        ArrayNode trackers = root.putArray("trackers");
        for (TrackerStatus t : report.trackers()) {
            ObjectNode node = trackers.addObject();
            node.put("tracker", t.tracker());
            node.put("lastAttemptAt", instant(t.lastAttemptAt()));
            node.put("lastSuccessAt", instant(t.lastSuccessAt()));
            node.put("lastError", t.lastError());
            node.put("lastErrorAt", instant(t.lastErrorAt()));
            node.put("consecutiveFailures", t.consecutiveFailures());
            node.put("failing", t.failing());
            node.put("stale", t.stale());
            node.put("warning", t.warning());
            node.put("description", t.description());
        }
        ArrayNode daily = root.putArray("dailyProductionDeployments");
        for (DailyDeployments d : report.daily()) {
            daily.addObject().put("day", d.day().toString()).put("succeeded", d.succeeded()).put("failed", d.failed());
        }
        return root;
    }

    private static String instant(java.time.Instant at) {
        return at == null ? null : at.toString();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
