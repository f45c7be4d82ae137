package io.jenkins.plugins.retrogate.config;

import io.jenkins.plugins.retrogate.engine.model.Choices;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** How the tracker form's text fields read (the same forms as the CLI's {@code tracker.yaml} accepts). */
final class TrackerFields {
    static final String DEFAULT_LABEL = "retro-gate";
    private static final int MAX_SYNC_INTERVAL_MINUTES = 24 * 60;
    private static final int MAX_STALE_AFTER_MINUTES = 7 * 24 * 60;

    private TrackerFields() {
    }

    /** Labels per line or comma; empty: {@value #DEFAULT_LABEL}; {@code none}: no labels. */
    static Set<String> labels(String text) {
        if (text == null || text.isBlank()) {
            return Set.of(DEFAULT_LABEL);
        }
        return text.strip().equalsIgnoreCase("none") ? Set.of() : list(text);
    }

    /** {@code P0=Highest} per line or comma; empty: the tracker's defaults; {@code none}: no priorities. */
    static Map<Priority, String> priorities(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<Priority, String> map = new EnumMap<>(Priority.class);
        if (text.strip().equalsIgnoreCase("none")) {
            return map;
        }
        for (String entry : list(text)) {
            int equals = entry.indexOf('=');
            if (equals < 0 || entry.substring(equals + 1).isBlank()) {
                throw new InvalidInputException("priorities", entry, "is not like P0=Highest");
            }
            map.put(Choices.parse(Priority.class, "priorities", entry.substring(0, equals).strip()),
                    entry.substring(equals + 1).strip());
        }
        return map;
    }

    /** Entries separated by new lines or commas (GitHub labels may hold spaces). */
    static Set<String> list(String text) {
        Set<String> values = new LinkedHashSet<>();
        if (text != null) {
            Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(values::add);
        }
        return values;
    }

    static int syncIntervalMinutes(int value) {
        return minutes("syncIntervalMinutes", value, MAX_SYNC_INTERVAL_MINUTES);
    }

    static int staleAfterMinutes(int value) {
        return minutes("staleAfterMinutes", value, MAX_STALE_AFTER_MINUTES);
    }

    private static int minutes(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(field + " '" + value + "' must be between 1 and " + max + " minutes");
        }
        return value;
    }
}
