package io.jenkins.plugins.retrogate.ui;

import hudson.model.Failure;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.jenkins.Links;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A blocked deployment's override request at {@code /retro-gate/override/REQ-n/}: what blocked it
 * and who asked, with approve and deny forms for release managers. The engine applies four eyes
 * (nobody approves a build they started, administrators included) and records the approver.
 * Every answer is passed on to the {@link OverrideListener}s, so that waiting pipelines look again.
 */
public final class OverrideRequestPage {
    private final RetroGatePage page;
    private final OverrideRequest request;

    OverrideRequestPage(RetroGatePage page, OverrideRequest request) {
        this.page = page;
        this.request = request;
    }

    public OverrideRequest getRequest() {
        return request;
    }

    public String getDisplayName() {
        return "Override request " + request.id();
    }

    /** How the request stands, in one line: {@code APPROVED by bob at 2026-12-02 10:46 UTC: hotfix}. */
    public String getStatusText() {
        return statusLine(request.status().name(), request.decidedBy(), request.decidedAt(), request.reason());
    }

    /** The one wording of a request's state, on this page and in the build's panel. */
    static String statusLine(String status, String decidedBy, java.time.Instant decidedAt, String reason) {
        StringBuilder text = new StringBuilder(status);
        if (decidedBy != null) {
            text.append(" by ").append(decidedBy);
        }
        if (decidedAt != null) {
            text.append(" at ").append(Times.format(decidedAt));
        }
        if (reason != null) {
            text.append(": ").append(reason);
        }
        return text.toString();
    }

    /** Who asked and when: {@code rita at 2026-12-02 10:40 UTC}. */
    public String getRequestedText() {
        return (request.requestedBy() == null ? "" : request.requestedBy() + " at ") + Times.format(request.requestedAt());
    }

    public boolean isPending() {
        return request.status() == RequestStatus.PENDING;
    }

    public boolean isOverrider() {
        return page.jenkins().hasPermission(RetroGatePermissions.OVERRIDE);
    }

    /** The items that blocked, as they stand now. */
    public List<ActionItem> getBlockingItems() {
        var state = page.state();
        return request.blockingItems().stream().map(state::item).flatMap(Optional::stream).toList();
    }

    /** The longest window the policy allows, in hours, for the form. */
    public long getMaxHours() {
        return page.engine().policy().maxOverrideWindow().toHours();
    }

    /**
     * Approves for this build ({@code scope=build}) or for the service and environment
     * ({@code scope=window}) during {@code hours} (default: the policy's maximum).
     */
    @POST
    public HttpResponse doApprove(@QueryParameter String reason, @QueryParameter String scope,
            @QueryParameter String hours) {
        page.jenkins().checkPermission(RetroGatePermissions.OVERRIDE);
        boolean window = "window".equals(scope) || request.buildUrl() == null;
        Duration duration = hours(hours);
        // the engine answers this request only while it is PENDING, and builds the override from it
        page.command(engine -> engine.approveRequest(Actors.currentUser(page.jenkins()), request.id(), window, reason,
                duration));
        page.answered(request.id());
        return HttpResponses.redirectToDot();
    }

    /**
     * After the request closed (its build ended without an answer, say): approves a window for the
     * request's service and environment, so that the next run can pass. Four eyes still hold: the gate
     * never lets a deployment requested by the approver through.
     */
    @POST
    public HttpResponse doApproveWindow(@QueryParameter String reason, @QueryParameter String hours) {
        page.jenkins().checkPermission(RetroGatePermissions.OVERRIDE);
        Duration duration = hours(hours);
        page.command(engine -> engine.approveOverride(Actors.currentUser(page.jenkins()), new OverrideGrant(
                request.service(), request.environment(), null, reason, duration)));
        page.answered(request.id());
        return HttpResponses.redirectToDot();
    }

    @POST
    public HttpResponse doDeny(@QueryParameter String reason) {
        page.jenkins().checkPermission(RetroGatePermissions.OVERRIDE);
        page.command(engine -> engine.denyOverride(Actors.currentUser(page.jenkins()), request.id(), reason));
        page.answered(request.id());
        return HttpResponses.redirectToDot();
    }

    private static Duration hours(String hours) {
        if (RetroGatePage.blank(hours)) {
            return null;
        }
        try {
            return Duration.ofHours(Long.parseLong(hours.strip()));
        } catch (NumberFormatException e) {
            throw new Failure("hours '" + hours + "' is not a whole number of hours");
        }
    }

    /** The link to a recorded build (see {@link Links#build}). */
    public String buildHref(String url) {
        return Links.build(url);
    }
}
