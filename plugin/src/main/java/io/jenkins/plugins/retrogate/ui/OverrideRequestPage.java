package io.jenkins.plugins.retrogate.ui;

import hudson.model.Failure;
import io.jenkins.plugins.retrogate.engine.command.ApprovalOutcome;
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
import org.kohsuke.stapler.StaplerRequest2;
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

    /**
     * How far the approval has come while the policy asks for several approvers, for this build and for
     * a window: {@code 1 of 2 approvals (bob), 1 more needed}; empty when one approval is enough and nobody
     * has approved yet, or the request is closed.
     */
    public List<String> getApprovalLines() {
        if (!isPending()) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>();
        io.jenkins.plugins.retrogate.engine.command.RetroGate engine = page.engine();
        for (boolean window : request.buildUrl() == null ? List.of(true) : List.of(false, true)) {
            ApprovalOutcome progress = engine.approvalProgress(request, window);
            if (progress.required() > 1 && (!window || !progress.approvers().isEmpty() || request.buildUrl() == null)) {
                lines.add((window ? "For a window: " : "For this build: ") + progress.count()
                        + ", " + progress.missing() + " more needed");
            }
        }
        return lines;
    }

    /** Everyone who approved the override that answered this request, in order; empty when none did. */
    public String getApproversText() {
        String overrideId = request.overrideId();
        if (overrideId == null) {
            return "";
        }
        return page.state().overrides().containsKey(overrideId)
                ? String.join(", ", page.state().overrides().get(overrideId).approvers()) : "";
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

    /**
     * Approve or deny from outside the browser: {@code POST /retro-gate/override/REQ-n/answer} with a JSON
     * body {@code {"decision": "approve"|"deny", "reason": "…", "scope": "build"|"window", "hours": 4}}, authenticated
     * with the user's API token (Jenkins needs no crumb for a request authenticated so). The same checks as
     * the form: the Retro Gate Override permission, and four eyes in the engine. Answers JSON: the request's
     * new status (200; an approval also says how far it has come: {@code approval.inEffect}, {@code approvers},
     * {@code required}, {@code missing} — a request needing more approvers stays PENDING), or an error with its message — 400 bad input, 403 no permission, 409 refused (four
     * eyes, already answered), 503 no store; nothing is changed on an error.
     */
    @POST
    public HttpResponse doAnswer(StaplerRequest2 req) {
        if (!page.jenkins().hasPermission(RetroGatePermissions.OVERRIDE)) {
            return JsonAnswer.error(403, "answering an override request needs the Retro Gate Override permission");
        }
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = io.jenkins.plugins.retrogate.engine.json.Json.mapper().readTree(req.getInputStream());
        } catch (java.io.IOException e) {
            return JsonAnswer.error(400, "the body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject()) {
            return JsonAnswer.error(400, "the body must be a JSON object such as {\"decision\": \"approve\", \"reason\": \"…\"}");
        }
        String decision = body.path("decision").asText("");
        String reason = body.path("reason").isTextual() ? body.get("reason").asText() : null;
        String scope = body.path("scope").asText("build");
        if (!decision.equals("approve") && !decision.equals("deny")) {
            return JsonAnswer.error(400, "decision '" + decision + "' is not one of approve, deny");
        }
        if (!scope.equals("build") && !scope.equals("window")) {
            return JsonAnswer.error(400, "scope '" + scope + "' is not one of build, window");
        }
        if (body.has("hours") && !body.get("hours").canConvertToLong()) {
            return JsonAnswer.error(400, "hours '" + body.get("hours") + "' is not a whole number of hours");
        }
        Duration duration = body.has("hours") ? Duration.ofHours(body.get("hours").asLong()) : null;
        try {
            io.jenkins.plugins.retrogate.engine.command.RetroGate engine = page.engine();
            io.jenkins.plugins.retrogate.engine.model.Actor actor = Actors.currentUser(page.jenkins());
            ApprovalOutcome approval = null;
            if (decision.equals("approve")) {
                approval = engine.approveRequest(actor, request.id(),
                        "window".equals(scope) || request.buildUrl() == null, reason, duration);
            } else {
                engine.denyOverride(actor, request.id(), reason);
            }
            page.answered(request.id());
            OverrideRequest now = engine.state().request(request.id()).orElse(request);
            com.fasterxml.jackson.databind.node.ObjectNode answer =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            answer.put("request", now.id()).put("status", now.status().name()).put("decidedBy", now.decidedBy())
                    .put("override", now.overrideId());
            if (approval != null) {
                com.fasterxml.jackson.databind.node.ObjectNode progress = answer.putObject("approval");
                progress.put("inEffect", approval.inEffect()).put("required", approval.required())
                        .put("missing", approval.missing()).put("summary", approval.summary());
                approval.approvers().forEach(progress.putArray("approvers")::add);
            }
            return new JsonAnswer(200, answer);
        } catch (io.jenkins.plugins.retrogate.engine.model.InvalidInputException e) {
            return JsonAnswer.error(400, e.getMessage());
        } catch (io.jenkins.plugins.retrogate.engine.model.RefusedException e) {
            return JsonAnswer.error(409, e.getMessage());
        } catch (io.jenkins.plugins.retrogate.config.RetroGateStore.StoreUnavailableException e) {
            return JsonAnswer.error(503, e.getMessage());
        } catch (io.jenkins.plugins.retrogate.engine.model.RetroGateException e) {
            return JsonAnswer.error(409, e.getMessage());
        }
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
