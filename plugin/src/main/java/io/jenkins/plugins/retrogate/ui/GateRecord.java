package io.jenkins.plugins.retrogate.ui;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.policy.Finding;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * One gate decision of a build, as the build page shows it: the decision and its message, the
 * items behind it, the override request it raised and the override that let it through.
 */
public final class GateRecord {
    /** The build page lists at most this many items per decision; the message names them all. */
    static final int MAX_ITEMS = 50;

    private final String service;
    private final String environment;
    private final String decision;
    private final String message;
    private final boolean production;
    private final long at;
    private final List<ItemSnapshot> items;
    private final int itemCount;
    /** How old the tracker data behind the decision is, when that matters; {@code null} otherwise. */
    private final String trackerNotice;
    private String requestId;
    private String requestStatus;
    private String requestDecidedBy;
    private String requestReason;
    private String overrideId;
    private String approvedBy;
    private String overrideReason;
    private long overrideExpiresAt;

    /** {@code trackerNotice}: the sentence saying the tracker data behind the decision may be out of date, or {@code null}. */
    public GateRecord(GateDecision decision, OverrideRequest request, String trackerNotice) {
        this.service = decision.request().service();
        this.environment = decision.request().environment();
        this.decision = decision.decision().name();
        this.message = decision.message();
        this.production = decision.production();
        this.at = decision.request().at().toEpochMilli();
        List<ItemSnapshot> snapshots = new ArrayList<>();
        for (Finding finding : decision.findings()) {
            ActionItem item = finding.item();
            if (item != null && snapshots.size() < MAX_ITEMS) {
                snapshots.add(new ItemSnapshot(item, finding));
            }
        }
        this.items = snapshots;
        this.itemCount = (int) decision.findings().stream().filter(f -> f.item() != null).count();
        this.trackerNotice = trackerNotice;
        request(request);
        override(decision.override());
    }

    /** Records the latest state of the override request. */
    public void request(OverrideRequest request) {
        if (request != null) {
            requestId = request.id();
            requestStatus = request.status().name();
            requestDecidedBy = request.decidedBy();
            requestReason = request.reason();
        }
    }

    private void override(OverrideApproval override) {
        if (override != null) {
            overrideId = override.id();
            approvedBy = override.approvedBy();
            overrideReason = override.reason();
            overrideExpiresAt = override.expiresAt().toEpochMilli();
        }
    }

    public String getService() {
        return service;
    }

    public String getEnvironment() {
        return environment;
    }

    public String getDecision() {
        return decision;
    }

    public String getMessage() {
        return message;
    }

    public boolean isProduction() {
        return production;
    }

    public long getAt() {
        return at;
    }

    public List<ItemSnapshot> getItems() {
        return items == null ? List.of() : List.copyOf(items);
    }

    public List<ItemSnapshot> getBlockingItems() {
        return getItems().stream().filter(ItemSnapshot::isBlocking).toList();
    }

    /** Items the decision named beyond those listed. */
    public int getMoreItems() {
        return Math.max(0, itemCount - getItems().size());
    }

    public String getTrackerNotice() {
        return trackerNotice;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getRequestStatus() {
        return requestStatus;
    }

    public String getRequestDecidedBy() {
        return requestDecidedBy;
    }

    /** How the override request stands, in one line: {@code APPROVED by bob: hotfix}. */
    public String getRequestStatusText() {
        return requestStatus == null ? ""
                : OverrideRequestPage.statusLine(requestStatus, requestDecidedBy, null, requestReason);
    }

    /** What was gated: {@code checkout-api → production (production)}. */
    public String getTarget() {
        return service + " → " + environment + (production ? " (production)" : "");
    }

    /** When the gate was asked, as pages show times. */
    public String getTime() {
        return Times.format(at);
    }

    public String getRequestReason() {
        return requestReason;
    }

    public String getOverrideId() {
        return overrideId;
    }

    public String getApprovedBy() {
        return approvedBy;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public long getOverrideExpiresAt() {
        return overrideExpiresAt;
    }

    /** The panel's icon for the decision. */
    public String getIcon() {
        return switch (decision) {
            case "ALLOW" -> "symbol-check";
            case "WARN" -> "symbol-warning";
            case "BLOCK" -> "symbol-error";
            default -> "symbol-shield-warning";
        };
    }

    public boolean isBlocked() {
        return "BLOCK".equals(decision);
    }
}
