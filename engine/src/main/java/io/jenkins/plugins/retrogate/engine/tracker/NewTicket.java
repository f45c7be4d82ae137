package io.jenkins.plugins.retrogate.engine.tracker;

import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A ticket to file for an action item, tracker-neutral: the client maps {@code priority} and adds its
 * configured labels. {@code description} is plain text, one paragraph per line. {@code itemId} is
 * {@code null} when the ticket is filed before the item is added (so that the item carries it).
 */
public record NewTicket(String itemId, String title, String description, Priority priority) {
    static final int TITLE_MAX = 240;

    public NewTicket {
        title = InvalidInputException.requireText("title", title, TITLE_MAX);
        description = description == null ? "" : description;
        Objects.requireNonNull(priority, "priority");
    }

    /**
     * The ticket for {@code item}: its title prefixed with the item id, and a description that links
     * the incident ({@code incidentUrl} may be {@code null} when there is no web page for it).
     */
    public static NewTicket forItem(ActionItem item, Incident incident, String incidentUrl) {
        return new NewTicket(item.id(), clip("[" + item.id() + "] " + item.title()), String.join("\n",
                describe(incident, incidentUrl, "Action item " + item.id(), item.priority(), item.type().name(),
                        item.owner(), item.services(), Objects.toString(item.due(), null))),
                item.priority());
    }

    /**
     * The ticket for an item about to be added: file it, then add the item with the returned key as
     * its ticket, so that the store (and the gate's change-set matching) knows the key. The title is
     * prefixed with the incident id, as the item has no id yet.
     */
    public static NewTicket forNewItem(NewActionItem input, Incident incident, String incidentUrl) {
        if (input.priority() == null || input.type() == null) {
            throw new InvalidInputException(input.priority() == null ? "priority" : "type", "",
                    "is missing: a ticket needs the item's priority and type");
        }
        String title = InvalidInputException.requireText("title", input.title(), 1000);
        List<String> services = input.services() == null || input.services().isEmpty() ? incident.affectedServices()
                : input.services();
        return new NewTicket(null, clip("[" + incident.id() + "] " + title), String.join("\n",
                describe(incident, incidentUrl, "An action item", input.priority(), input.type().name(), input.owner(),
                        services, input.due() == null ? null : input.due().toString())), input.priority());
    }

    private static List<String> describe(Incident incident, String incidentUrl, String what, Priority priority,
            String type, String owner, Collection<String> services, String due) {
        List<String> lines = new ArrayList<>();
        lines.add(what + " from the retrospective of incident " + incident.id() + ": " + incident.title());
        if (incidentUrl != null && !incidentUrl.isBlank()) {
            lines.add("Incident: " + incidentUrl.strip());
        }
        lines.add("Priority " + priority + ", " + type.toLowerCase(Locale.ROOT)
                + (owner == null || owner.isBlank() ? "" : ", owned by " + owner.strip()) + "; guards "
                + String.join(", ", services) + (due == null ? "" : "; due " + due) + ".");
        if (incident.rootCause() != null) {
            lines.add("Root cause: " + incident.rootCause());
        }
        lines.add("Retro Gate resolves the action item when this ticket is done, and closes the ticket once a "
                + "successful production deployment has verified the fix.");
        return lines;
    }

    private static String clip(String title) {
        return title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX - 1) + "…" : title;
    }

    /** The description's non-blank lines, for trackers that want paragraphs. */
    List<String> paragraphs() {
        return description.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
