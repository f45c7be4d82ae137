package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Duration;

/**
 * What a sync does beyond reading states and resolving items.
 *
 * @param fileTicketsIn       the tracker where OPEN items without a ticket get one filed; {@code null}: none are filed
 * @param incidentUrlTemplate the web page of an incident for ticket descriptions, with {@code {id}} for its id
 *                            (e.g. {@code https://jenkins.acme.com/retro-gate/incident/{id}/}); {@code null}: no link
 * @param closeHistoricItems  whether items verified before the first sync get their tickets commented on and closed
 * @param changeOverlap       how far before the last read's start the next read asks for changes (clock skew margin)
 */
public record TrackerSyncOptions(TicketSystem fileTicketsIn, String incidentUrlTemplate, boolean closeHistoricItems,
        Duration changeOverlap) {

    public TrackerSyncOptions {
        if (fileTicketsIn == TicketSystem.URL) {
            throw new InvalidInputException("fileTicketsIn", fileTicketsIn, "must be JIRA or GITHUB");
        }
        incidentUrlTemplate = InvalidInputException.optionalText("incidentUrlTemplate", incidentUrlTemplate, 500);
        if (changeOverlap == null || changeOverlap.isNegative()) {
            throw new InvalidInputException("changeOverlap", changeOverlap, "must be zero or a positive duration");
        }
    }

    /** Read and resolve only: no tickets filed, no historic items closed, 5 minutes of overlap. */
    public static TrackerSyncOptions defaults() {
        return new TrackerSyncOptions(null, null, false, Duration.ofMinutes(5));
    }

    public TrackerSyncOptions fileTicketsIn(TicketSystem system, String incidentUrl) {
        return new TrackerSyncOptions(system, incidentUrl, closeHistoricItems, changeOverlap);
    }

    public TrackerSyncOptions withCloseHistoricItems(boolean value) {
        return new TrackerSyncOptions(fileTicketsIn, incidentUrlTemplate, value, changeOverlap);
    }

    String incidentUrl(String incidentId) {
        return incidentUrlTemplate == null ? null : incidentUrlTemplate.replace("{id}", incidentId);
    }
}
