package io.jenkins.plugins.retrogate.ui;

import hudson.Util;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.policy.Finding;

/**
 * An action item as a gate decision named it, copied into the build so that the build page shows
 * it as it was, without reading the store.
 */
public final class ItemSnapshot {
    private final String id;
    private final String incidentId;
    private final String title;
    private final String priority;
    private final String type;
    private final String status;
    private final String owner;
    private final String ticketKey;
    private final String ticketUrl;
    private final long createdAt;
    private final String finding;
    private final String rule;

    ItemSnapshot(ActionItem item, Finding finding) {
        this.id = item.id();
        this.incidentId = item.incidentId();
        this.title = item.title();
        this.priority = item.priority().name();
        this.type = item.type().name();
        this.status = item.status().name();
        this.owner = item.owner();
        Ticket ticket = item.ticket();
        this.ticketKey = ticket == null ? null : ticket.key();
        String url = ticket == null ? null : ticket.url();
        this.ticketUrl = url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
        this.createdAt = item.createdAt().toEpochMilli();
        this.finding = finding == null ? null : finding.kind().name();
        this.rule = finding == null ? null : finding.rule();
    }

    public String getId() {
        return id;
    }

    public String getIncidentId() {
        return incidentId;
    }

    public String getTitle() {
        return title;
    }

    public String getPriority() {
        return priority;
    }

    public String getType() {
        return type;
    }

    public String getStatus() {
        return status;
    }

    public String getOwner() {
        return owner;
    }

    public String getTicketKey() {
        return ticketKey;
    }

    /** An http(s) link to the ticket, or {@code null}. */
    public String getTicketUrl() {
        return ticketUrl;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    /** How long the item has existed, e.g. "3 days 4 hours". */
    public String getAge() {
        return Util.getTimeSpanString(Math.max(0, System.currentTimeMillis() - createdAt));
    }

    /** BLOCKING, WARNING, OVERDUE, UNVERIFIED or CARRIES_FIX. */
    public String getFinding() {
        return finding;
    }

    public String getRule() {
        return rule;
    }

    /** Whether the finding blocks, as its kind says (a kind this version does not know blocks nothing). */
    public boolean isBlocking() {
        for (Finding.Kind kind : Finding.Kind.values()) {
            if (kind.name().equals(finding)) {
                return kind.blocks();
            }
        }
        return false;
    }
}
