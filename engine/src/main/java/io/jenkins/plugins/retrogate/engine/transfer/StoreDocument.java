package io.jenkins.plugins.retrogate.engine.transfer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The whole store as one JSON document:
 * <pre>{"formatVersion": 1, "eventFormatVersion": 1, "exportedAt": …, "incidents": […], "items": […], "deployments": […],
 *  "overrides": […], "requests": […], "events": […]}</pre>
 * The entity arrays use the {@link ModelJson} shapes, sorted by id, for people and other tools. The
 * {@code events} array is the event log in order ({@link EventJson} form): it is what an import
 * records, because the log is the source of truth (the audit trail, the incident timelines, the
 * report's review times) and cannot be re-derived from the entities without losing history. On
 * import the entity arrays must agree with what the events fold into.
 */
public final class StoreDocument {
    /** The version of this document's layout; an import refuses any other. */
    public static final int FORMAT_VERSION = 1;
    private static final int PAGE = 10_000;

    private StoreDocument() {
    }

    /** Every event of the store, in order, read page by page. */
    public static List<Event> events(Store store) {
        List<Event> events = new ArrayList<>();
        long next = 1;
        while (true) {
            List<RecordedEvent> page = store.events(next, PAGE);
            if (page.isEmpty()) {
                return events;
            }
            for (RecordedEvent recorded : page) {
                events.add(recorded.event());
                next = recorded.sequence() + 1;
            }
        }
    }

    /** The document of a state and the events that fold into it. */
    public static ObjectNode export(RetroState state, List<Event> events, Instant exportedAt) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("formatVersion", FORMAT_VERSION);
        // the oldest event format that holds these events, so that an older Retro Gate imports what it can read
        document.put("eventFormatVersion", events.stream().mapToInt(EventJson::versionOf).max().orElse(1));
        document.put("exportedAt", exportedAt.toString());
        entities(document, state);
        ArrayNode log = document.putArray("events");
        events.forEach(event -> log.add(EventJson.toTree(event)));
        return document;
    }

    /** Puts the entity arrays of {@code state} into {@code document}, sorted by id. */
    static void entities(ObjectNode document, RetroState state) {
        document.set("incidents", array(state.incidents().values(), Incident::id, ModelJson::incident));
        document.set("items", array(state.items().values(), ActionItem::id, ModelJson::item));
        document.set("deployments", array(state.deployments().values(), Deployment::id, ModelJson::deployment));
        document.set("overrides", array(state.overrides().values(), OverrideApproval::id, ModelJson::override));
        document.set("requests", array(state.requests().values(), OverrideRequest::id, ModelJson::request));
    }

    private static <T> ArrayNode array(java.util.Collection<T> things, Function<T, String> id,
            Function<T, ObjectNode> view) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        things.stream().sorted(Comparator.comparing(id, IdOrder.INSTANCE)).forEach(t -> array.add(view.apply(t)));
        return array;
    }

    /** Orders ids by their numbers ({@code INC-2} before {@code INC-10}, {@code INC-2-A3} before {@code INC-2-A10}). */
    enum IdOrder implements Comparator<String> {
        INSTANCE;

        @Override
        public int compare(String a, String b) {
            String[] left = a.split("-", -1);
            String[] right = b.split("-", -1);
            for (int i = 0; i < Math.min(left.length, right.length); i++) {
                int c = compareParts(left[i], right[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(left.length, right.length);
        }

        private static int compareParts(String a, String b) {
            String da = a.replaceAll("\\D", "");
            String db = b.replaceAll("\\D", "");
            String pa = a.replaceAll("\\d", "");
            String pb = b.replaceAll("\\d", "");
            int c = pa.compareTo(pb);
            if (c != 0 || da.isEmpty() || db.isEmpty() || da.length() > 18 || db.length() > 18) {
                return c != 0 ? c : a.compareTo(b);
            }
            return Long.compare(Long.parseLong(da), Long.parseLong(db));
        }
    }
}
