package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A ticket to file for an action item, tracker-neutral: the client maps {@code priority} and adds its
 * configured labels. {@code description} is plain text, one paragraph per line.
 */
public record NewTicket(String itemId, String title, String description, Priority priority) {
    static final int TITLE_MAX = 240;

    public NewTicket {
        Objects.requireNonNull(itemId, "itemId");
        title = InvalidInputException.requireText("title", title, TITLE_MAX);
        description = description == null ? "" : description;
        Objects.requireNonNull(priority, "priority");
    }

    /**
     * The ticket for {@code item}: its title prefixed with the item id, and a description that links
     * the incident ({@code incidentUrl} may be {@code null} when there is no web page for it).
     */
    public static NewTicket forItem(ActionItem item, Incident incident, String incidentUrl) {
        String title = "[" + item.id() + "] " + item.title();
        if (title.length() > TITLE_MAX) {
            title = title.substring(0, TITLE_MAX - 1) + "…";
        }
        List<String> lines = new ArrayList<>();
        lines.add("Action item " + item.id() + " from the retrospective of incident " + incident.id() + ": "
                + incident.title());
        if (incidentUrl != null && !incidentUrl.isBlank()) {
            lines.add("Incident: " + incidentUrl.strip());
        }
        lines.add("Priority " + item.priority() + ", " + item.type().name().toLowerCase(Locale.ROOT)
                + (item.owner() == null ? "" : ", owned by " + item.owner()) + "; guards "
                + String.join(", ", item.services()) + (item.due() == null ? "" : "; due " + item.due()) + ".");
        if (incident.rootCause() != null) {
            lines.add("Root cause: " + incident.rootCause());
        }
        lines.add("Retro Gate resolves the action item when this ticket is done, and closes the ticket once a "
                + "successful production deployment has verified the fix.");
        return new NewTicket(item.id(), title, String.join("\n", lines), item.priority());
    }

    /** The description's non-blank lines, for trackers that want paragraphs. */
    List<String> paragraphs() {
        return description.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
