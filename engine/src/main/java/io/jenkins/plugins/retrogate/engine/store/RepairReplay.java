package io.jenkins.plugins.retrogate.engine.store;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.EventTypes;
import io.jenkins.plugins.retrogate.engine.event.IdsReserved;
import io.jenkins.plugins.retrogate.engine.state.Counters;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every backend's repair does after it has cut the damage: records again, in order and with
 * their own times, actors and ids, the cut events that still verify — each through the state's rules,
 * so one that no longer fits (it needed a lost event) is left out and named — then reserves every id
 * the cut bytes named, damaged or not ({@link IdsReserved}), so that no id is ever handed out twice.
 */
public final class RepairReplay {
    /** An id field: a key that names an id ({@code incidentId}, {@code itemId}, {@code id}…) and its value. */
    private static final Pattern ID_FIELD = Pattern.compile(
            "\"(?:[A-Za-z]*Id|id)\":\"(INC|DEP|OVR|REQ)-(\\d{1,12})(?:-A(\\d{1,9}))?\"");

    /** A cut event that still verifies: its old sequence number and the event. */
    public record Kept(long seq, Event event) {
    }

    /**
     * What the replay did.
     *
     * @param replayed how many kept events were recorded again
     * @param skipped  the kept events that no longer fit, and those named beforehand, each with why
     * @param reserved the ids reserved, as text ({@code INC-4, DEP-0, …}), or {@code null} when none needed it
     */
    public record Result(int replayed, List<String> skipped, String reserved) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    /** The highest ids the cut text names, per kind, and per incident its highest action-item number. */
    public static final class CutIds {
        private final long[] highest = new long[4];
        private final Map<String, Integer> items = new HashMap<>();

        /** Notes every id that {@code text} (a cut record or row, damaged or not) holds in an id field. */
        public void scan(String text) {
            Matcher matcher = ID_FIELD.matcher(text);
            while (matcher.find()) {
                long number = Long.parseLong(matcher.group(2));
                int kind = switch (matcher.group(1)) {
                    case "INC" -> 0;
                    case "DEP" -> 1;
                    case "OVR" -> 2;
                    default -> 3;
                };
                highest[kind] = Math.max(highest[kind], number);
                String item = matcher.group(3);
                if (kind == 0 && item != null) {
                    items.merge("INC-" + number, Integer.parseInt(item), Math::max);
                }
            }
        }
    }

    private RepairReplay() {
    }

    /**
     * Replays {@code kept} into {@code store} and reserves what {@code ids} found.
     *
     * @param left   cut events already known not to be kept (named in the result's skipped list first)
     * @param actor  who the reservation is recorded as
     * @param reason the reservation's reason
     */
    public static Result run(Store store, List<Kept> kept, List<String> left, CutIds ids, String actor, String reason) {
        int replayed = 0;
        List<String> skipped = new ArrayList<>(left);
        for (Kept record : kept) {
            try {
                // the store applies the event through the state's rules: one that no longer fits fails
                store.execute(state -> Change.of(null, List.of(record.event())));
                replayed++;
            } catch (RuntimeException e) {
                skipped.add("sequence " + record.seq() + " (" + EventTypes.nameOf(record.event()) + "): " + e.getMessage());
            }
        }
        return new Result(replayed, skipped, reserve(store, ids, actor, reason));
    }

    private static String reserve(Store store, CutIds ids, String actor, String reason) {
        RetroState replayed = store.state();
        Counters now = replayed.counters();
        long[] h = ids.highest;
        Map<String, Integer> items = new TreeMap<>();
        ids.items.forEach((incident, number) -> {
            if (number > replayed.highestItemNumber(incident)) {
                items.put(incident, number);
            }
        });
        if (h[0] <= now.incidents() && h[1] <= now.deployments() && h[2] <= now.overrides() && h[3] <= now.requests()
                && items.isEmpty()) {
            return null;
        }
        IdsReserved event = new IdsReserved(Instant.now(), actor, h[0], h[1], h[2], h[3], items, reason);
        store.execute(state -> Change.of(null, List.of(event)));
        StringBuilder text = new StringBuilder("INC-" + h[0] + ", DEP-" + h[1] + ", OVR-" + h[2] + ", REQ-" + h[3]);
        items.forEach((incident, number) -> text.append(", ").append(incident).append("-A").append(number));
        return text.toString();
    }
}
