package io.jenkins.plugins.retrogate.engine.notify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.OverrideDenied;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequestExpired;
import io.jenkins.plugins.retrogate.engine.event.OverrideRequested;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Something people waiting on an override should hear: a request was raised, approved, denied or
 * expired ({@code kind}: requested, approved, denied, expired), or approved by one of several
 * approvers the policy requires ({@code approval-given}). Built from the events a command recorded; as the generic webhook's JSON
 * ({@link #json()}) or a Slack message ({@link #slack()}).
 *
 * @param subject  the request's id, or the override's for an approval that took effect
 * @param requests the requests it is about (an approval may answer several)
 * @param approvers who approved so far, in order (for an approval, in part or in full; else empty)
 * @param required  how many distinct approvers the policy requires ({@code approval-given}; else 0)
 */
public record Notification(String kind, String subject, String service, String environment,
        @CheckForNull String buildUrl, String actor, Instant at, @CheckForNull String reason, List<String> requests,
        List<String> blockingItems, @CheckForNull Instant expiresAt, List<String> approvers, int required) {

    public Notification {
        requests = List.copyOf(requests);
        blockingItems = List.copyOf(blockingItems);
        approvers = List.copyOf(approvers);
    }

    /** The notifications {@code events} call for; {@code state} (after them) names the requests' targets. */
    public static List<Notification> of(List<Event> events, RetroState state) {
        List<Notification> out = new ArrayList<>();
        for (Event event : events) {
            if (event instanceof OverrideRequested e) {
                out.add(new Notification("requested", e.requestId(), e.service(), e.environment(), e.buildUrl(),
                        e.actor(), e.at(), null, List.of(e.requestId()), e.blockingItems(), null, List.of(), 0));
            } else if (event instanceof OverrideApproved e) {
                out.add(new Notification("approved", e.overrideId(), e.service(), e.environment(), e.buildUrl(),
                        e.actor(), e.at(), e.reason(), e.requestIds(), List.of(), e.expiresAt(), e.allApprovers(), 0));
            } else if (event instanceof OverrideApprovalGiven e) {
                List<String> approvers = state.partialApprovals(e.service(), e.environment(), e.buildUrl()).stream()
                        .map(PartialApproval::approver).toList();
                out.add(new Notification("approval-given", e.requestIds().isEmpty() ? e.service() + "|"
                        + e.environment() : e.requestIds().get(0), e.service(), e.environment(), e.buildUrl(),
                        e.actor(), e.at(), e.reason(), e.requestIds(), List.of(), null, approvers, e.required()));
            } else if (event instanceof OverrideDenied e) {
                closed(out, state, "denied", e.requestId(), e.actor(), e.at(), e.reason());
            } else if (event instanceof OverrideRequestExpired e) {
                closed(out, state, "expired", e.requestId(), e.actor(), e.at(), null);
            }
        }
        return out;
    }

    private static void closed(List<Notification> out, RetroState state, String kind, String requestId, String actor,
            Instant at, @CheckForNull String reason) {
        state.request(requestId).ifPresent((OverrideRequest r) -> out.add(new Notification(kind, requestId,
                r.service(), r.environment(), r.buildUrl(), actor, at, reason, List.of(requestId), r.blockingItems(),
                null, List.of(), 0)));
    }

    /** The generic webhook's body: {@code {"event": "override.requested", …}}, absent values left out. */
    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("event", "override." + kind);
        node.put("id", subject);
        node.put("service", service);
        node.put("environment", environment);
        if (buildUrl != null) {
            node.put("buildUrl", buildUrl);
        }
        node.put("actor", actor);
        node.put("at", at.toString());
        if (reason != null) {
            node.put("reason", reason);
        }
        requests.forEach(node.putArray("requests")::add);
        blockingItems.forEach(node.putArray("blockingItems")::add);
        if (expiresAt != null) {
            node.put("expiresAt", expiresAt.toString());
        }
        if (!approvers.isEmpty()) {
            approvers.forEach(node.putArray("approvers")::add);
        }
        if (required > 0) {
            node.put("required", required);
        }
        node.put("text", text());
        return node;
    }

    /** A Slack-compatible incoming webhook's body: one message, user text escaped for Slack. */
    public ObjectNode slack() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("text", slackEscaped(text()));
        return node;
    }

    /** One line a person reads. */
    public String text() {
        String target = service + " → " + environment;
        String build = buildUrl == null ? "" : " (build " + buildUrl + ")";
        String why = reason == null ? "" : ": " + reason;
        return switch (kind) {
            case "requested" -> "Override requested for " + target + build + " by " + actor + " (" + subject
                    + "), blocked by " + (blockingItems.isEmpty() ? "the gate's rules" : String.join(", ", blockingItems))
                    + ". A release manager can approve or deny it: retro-gate override approve " + subject;
            case "approval-given" -> actor + " approved the override of " + target + build
                    + (requests.isEmpty() ? "" : " (" + String.join(", ", requests) + ")") + why + ": " + approvers.size()
                    + " of " + required + " approvals (" + String.join(", ", approvers) + "); "
                    + (required - approvers.size()) + " more release manager" + (required - approvers.size() == 1 ? "" : "s")
                    + " must approve before it takes effect"
                    + (requests.isEmpty() ? "" : ": retro-gate override approve " + requests.get(0));
            case "approved" -> "Override " + subject + " approved for " + target + build + " by "
                    + String.join(", ", approvers) + why
                    + (expiresAt == null ? "" : "; it expires at " + expiresAt) + " (answers " + String.join(", ", requests) + ")";
            case "denied" -> "Override request " + subject + " for " + target + build + " denied by " + actor + why;
            default -> "Override request " + subject + " for " + target + build + " expired unanswered";
        };
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup: they are escaped, nothing else is. */
    static String slackEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
