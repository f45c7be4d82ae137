package io.jenkins.plugins.retrogate.ui;

import hudson.Extension;
import hudson.model.Failure;
import hudson.model.RootAction;
import io.jenkins.plugins.retrogate.config.RetroGateConfiguration;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Choices;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.report.Report;
import io.jenkins.plugins.retrogate.engine.report.ReportBuilder;
import io.jenkins.plugins.retrogate.engine.report.ReportHtml;
import io.jenkins.plugins.retrogate.engine.report.ReportJson;
import io.jenkins.plugins.retrogate.engine.state.Listings;
import io.jenkins.plugins.retrogate.engine.state.Page;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import io.jenkins.plugins.retrogate.jenkins.Links;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import io.jenkins.plugins.retrogate.tracker.TrackerSyncFile;
import io.jenkins.plugins.retrogate.tracker.TrackerSyncWork;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.GET;
import org.kohsuke.stapler.verb.POST;

/**
 * The "Retro Gate" page at {@code /retro-gate/}: pending override requests, incidents and the
 * action-item board by status, each paged; a form to open an incident; the ticket tracker's health
 * with "Sync now". Incidents, items and
 * override requests have their own pages below it. Reading needs Overall/Read (Jenkins checks it
 * for every URL); every form posts to a {@code @POST} method that checks its permission first.
 * Everything it asks of Jenkins goes through its {@link JenkinsFacade}, so a unit test can hand it a fake.
 */
@Extension
public class RetroGatePage implements RootAction {
    public static final String URL_NAME = Links.ROOT;
    /** The period of the metrics report unless {@code ?days=} says otherwise. */
    static final int REPORT_DAYS = ReportBuilder.DEFAULT_DAYS;

    private final JenkinsFacade jenkins;

    public RetroGatePage() {
        this(new JenkinsFacade());
    }

    RetroGatePage(JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    /** What the pages below this one ask of Jenkins. */
    JenkinsFacade jenkins() {
        return jenkins;
    }

    @Override
    public String getIconFileName() {
        return jenkins.hasPermission(Jenkins.READ) ? "symbol-shield-warning" : null;
    }

    @Override
    public String getDisplayName() {
        return "Retro Gate";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** The latest state, or a failure page with the store's message. */
    RetroState state() {
        return engine().state();
    }

    RetroGate engine() {
        try {
            return store().engine();
        } catch (RetroGateStore.StoreUnavailableException e) {
            throw new Failure(e.getMessage());
        }
    }

    private RetroGateStore store() {
        return jenkins.getExtension(RetroGateStore.class);
    }

    /**
     * Why the store cannot be used, or {@code null} when it can: the page then shows this message
     * instead of lists that would silently render empty.
     */
    public String getStoreProblem() {
        try {
            store().engine();
            return null;
        } catch (RetroGateStore.StoreUnavailableException e) {
            // the message names files and causes: administrators see it, others only that it is down
            return jenkins.hasPermission(Jenkins.ADMINISTER) ? e.getMessage()
                    : "ask a Jenkins administrator (the reason is shown to them here and in the system log)";
        }
    }

    /** Runs a command; the engine's refusal or validation message becomes the error page. */
    <T> T command(Function<RetroGate, T> command) {
        try {
            return command.apply(engine());
        } catch (RetroGateException e) {
            throw new Failure(e.getMessage());
        }
    }

    /** Pending override requests, oldest first. */
    public Page<OverrideRequest> pendingRequests(String page) {
        return Page.of(Listings.requests(state(), true), page);
    }

    /** Incidents, newest first. */
    public Page<Incident> incidents(String page) {
        return Page.of(Listings.incidents(state(), null, null, Listings.NEWEST_FIRST), page);
    }

    /** The board's column for {@code status} (OPEN when missing or unknown), most urgent first. */
    public Page<ActionItem> items(String status, String page) {
        ItemStatus wanted = status(status);
        return Page.of(Listings.items(state(), wanted, null, null, Listings.MOST_URGENT), page);
    }

    public String boardStatus(String status) {
        return status(status).name();
    }

    /** How many items each status holds, for the board's tabs. */
    public Map<String, Long> getItemCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Listings.itemCounts(state()).forEach((status, count) -> counts.put(status.name(), count));
        return counts;
    }

    public List<String> getSeverities() {
        return Arrays.stream(Severity.values()).map(Enum::name).toList();
    }

    public List<String> getDetections() {
        return Arrays.stream(Detection.values()).map(Enum::name).toList();
    }

    public boolean isManager() {
        return jenkins.hasPermission(RetroGatePermissions.MANAGE);
    }

    public boolean isOverrider() {
        return jenkins.hasPermission(RetroGatePermissions.OVERRIDE);
    }

    /** Whether a ticket tracker is configured (the page then shows its health and "Sync now"). */
    public boolean isTrackerConfigured() {
        return jenkins.getExtension(RetroGateConfiguration.class).getTracker() != null;
    }

    /** How fresh the tracker data is, and what the last sync since the start of Jenkins said. */
    public List<String> getTrackerStatus() {
        List<String> lines = new ArrayList<>(jenkins.getExtension(TrackerSyncFile.class).status());
        lines.addAll(jenkins.getExtension(TrackerSyncWork.class).getLastSummary());
        return lines;
    }

    /** Starts a tracker sync now; its outcome shows here and in its task log once it has run. */
    @POST
    public HttpResponse doSyncTrackers() {
        jenkins.checkPermission(RetroGatePermissions.MANAGE);
        if (!isTrackerConfigured()) {
            throw new Failure("No ticket tracker is configured: connect one in the Retro Gate section of the system configuration");
        }
        jenkins.getExtension(TrackerSyncWork.class).requestSync();
        return HttpResponses.redirectToDot();
    }

    /**
     * {@code /retro-gate/report}: DORA figures per service and the retrospective's own, as the
     * engine's self-contained HTML page (user text escaped, no script), or JSON with
     * {@code ?format=json}; {@code ?service=} and {@code ?days=} narrow it. Read-only, computed from
     * the event log only when asked. A page to look at, so {@code GET}: it changes nothing and shows
     * nothing a reader of the Retro Gate page could not see.
     */
    @GET
    public void doReport(StaplerRequest2 req, StaplerResponse2 rsp, @QueryParameter String format,
            @QueryParameter String service, @QueryParameter String days) throws IOException {
        jenkins.checkPermission(Jenkins.READ);
        RetroGate engine = engine();
        Report report;
        try {
            report = engine.report(days(days), blank(service) ? null : service);
        } catch (RetroGateException e) {
            throw new Failure(e.getMessage());
        }
        if ("json".equals(format)) {
            rsp.setContentType("application/json;charset=UTF-8");
            rsp.getWriter().write(ReportJson.write(report).toPrettyString());
        } else {
            rsp.setContentType("text/html;charset=UTF-8");
            rsp.getWriter().write(ReportHtml.write(report));
        }
    }

    private static int days(String days) {
        if (blank(days)) {
            return REPORT_DAYS;
        }
        try {
            return Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            throw new Failure("days '" + days + "' is not a whole number of days between 1 and " + ReportBuilder.MAX_DAYS);
        }
    }

    /** {@code /retro-gate/incident/INC-1/}. */
    public IncidentPage getIncident(String id) {
        return state().incident(id).map(incident -> new IncidentPage(this, incident)).orElse(null);
    }

    /** {@code /retro-gate/item/INC-1-A1/}. */
    public ItemPage getItem(String id) {
        return state().item(id).map(item -> new ItemPage(this, item)).orElse(null);
    }

    /** {@code /retro-gate/override/REQ-1/}. */
    public OverrideRequestPage getOverride(String id) {
        return state().request(id).map(request -> new OverrideRequestPage(this, request)).orElse(null);
    }

    /** Tells every {@link OverrideListener} that {@code requestId} was answered. */
    void answered(String requestId) {
        for (OverrideListener listener : jenkins.getExtensionsFor(OverrideListener.class)) {
            listener.onAnswered(requestId);
        }
    }

    @POST
    public HttpResponse doOpenIncident(@QueryParameter String title, @QueryParameter String severity,
            @QueryParameter String services, @QueryParameter String detection) {
        jenkins.checkPermission(RetroGatePermissions.MANAGE);
        Incident incident = command(engine -> engine.openIncident(Actors.currentUser(jenkins),
                new NewIncident(title, blank(severity) ? null : Choices.parse(Severity.class, "severity", severity),
                        list(services), blank(detection) ? null : Choices.parse(Detection.class, "detection", detection),
                        null)));
        return HttpResponses.redirectTo("incident/" + incident.id() + "/");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static List<String> list(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static ItemStatus status(String status) {
        try {
            return blank(status) ? ItemStatus.OPEN : ItemStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ItemStatus.OPEN;
        }
    }

    /** {@code at} as the page shows times (see {@link Times}). */
    public String time(java.time.Instant at) {
        return Times.format(at);
    }

    /** The link to a recorded build (see {@link Links#build}). */
    public String buildHref(String url) {
        return Links.build(url);
    }
}
