package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
import java.time.LocalDate;
import java.util.List;

/**
 * An action item from the retrospective. {@code ticket} is a Jira key, GitHub issue or URL as the
 * user wrote it; {@code services} defaults to the incident's affected services ({@code *}: all).
 */
public record NewActionItem(String incidentId, String title, Priority priority, ItemType type, String owner,
        String ticket, List<String> services, LocalDate due) {

    /** Wording in the title that blames a person, each with a systems-focused question. */
    public List<WordingHint> hints() {
        return BlameWording.check("title", title);
    }
}
