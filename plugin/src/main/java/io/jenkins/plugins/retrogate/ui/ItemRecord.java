package io.jenkins.plugins.retrogate.ui;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;

/** An action item this build added. */
public final class ItemRecord {
    private final String id;
    private final String incidentId;
    private final String title;
    private final String priority;
    private final String type;

    public ItemRecord(ActionItem item) {
        this.id = item.id();
        this.incidentId = item.incidentId();
        this.title = item.title();
        this.priority = item.priority().name();
        this.type = item.type().name();
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
}
