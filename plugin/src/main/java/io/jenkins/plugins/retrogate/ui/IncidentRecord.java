package io.jenkins.plugins.retrogate.ui;

import io.jenkins.plugins.retrogate.engine.command.RollbackResult;
import io.jenkins.plugins.retrogate.engine.command.SimilarIncident;
import java.util.ArrayList;
import java.util.List;

/** The incident a rollback in this build opened or extended. */
public final class IncidentRecord {
    private final String incidentId;
    private final String title;
    private final boolean opened;
    private final List<String> reopened;
    private final List<String> similar;

    public IncidentRecord(RollbackResult result) {
        this.incidentId = result.incident().id();
        this.title = result.incident().title();
        this.opened = result.opened();
        this.reopened = new ArrayList<>(result.reopened());
        this.similar = new ArrayList<>(result.similar().stream().map(IncidentRecord::describe).toList());
    }

    public static String describe(SimilarIncident similar) {
        return similar.incidentId() + " '" + similar.title() + "' (" + similar.why() + ")";
    }

    public String getIncidentId() {
        return incidentId;
    }

    public String getTitle() {
        return title;
    }

    /** Whether the rollback opened the incident (rather than adding to an open one). */
    public boolean isOpened() {
        return opened;
    }

    public List<String> getReopened() {
        return reopened == null ? List.of() : List.copyOf(reopened);
    }

    /** Earlier incidents that look similar, as suggestions. */
    public List<String> getSimilar() {
        return similar == null ? List.of() : List.copyOf(similar);
    }
}
