package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.JsonToken;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.TreePMap;

/**
 * The indexes of a format-2 snapshot, read back with the id instances of the entities they point
 * at (incidents and items are positions in their sections), and the one rebuilt from the items.
 */
record SnapshotIndexes(PMap<String, List<String>> itemsByIncident, PMap<String, String> openIncidentByService,
        PMap<String, String> rollbackIncidentByService, PMap<String, PSet<String>> overridesByTarget,
        PMap<String, String> pendingRequestByTarget) {

    /**
     * Reads the indexes; {@code incidents} and {@code items} are all of them in id order, or {@code null}
     * for format 6, whose indexes name incidents by id and the items of each incident by their numbers
     * (or ids, for an item whose id is not its incident's id and a number).
     */
    static SnapshotIndexes read(SnapshotRowReader in, @CheckForNull Incident[] incidents,
            @CheckForNull List<ActionItem> items)
            throws IOException {
        in.expect(JsonToken.START_OBJECT);
        field(in, "itemsByIncident");
        in.expect(JsonToken.START_ARRAY);
        TreeMap<String, List<String>> byIncident = itemsByIncident(in, incidents, items);
        PMap<String, String> open = serviceIncidents(in, "openIncidentByService", incidents);
        PMap<String, String> rollback = serviceIncidents(in, "rollbackIncidentByService", incidents);
        field(in, "overridesByTarget");
        in.expect(JsonToken.START_OBJECT);
        Map<String, List<String>> overrides = new TreeMap<>();
        while (in.next() == JsonToken.FIELD_NAME) {
            String target = in.fieldName();
            overrides.put(target, in.textList());
        }
        in.check(JsonToken.END_OBJECT);
        field(in, "pendingRequestByTarget");
        in.expect(JsonToken.START_OBJECT);
        TreeMap<String, String> pending = new TreeMap<>();
        while (in.next() == JsonToken.FIELD_NAME) {
            String key = in.fieldName();
            pending.put(key, in.text());
        }
        in.check(JsonToken.END_OBJECT);
        in.expect(JsonToken.END_OBJECT);
        return new SnapshotIndexes(TreePMap.fromSortedMap(byIncident), open, rollback, SnapshotMaps.sets(overrides),
                TreePMap.fromSortedMap(pending));
    }

    /**
     * Entries of {@code itemsByIncident} up to the end of the array the reader is in (in the indexes, or
     * the whole {@code itemsByIncident} section of format 6's history): {@code [incident, item, …]}.
     */
    static TreeMap<String, List<String>> itemsByIncident(SnapshotRowReader in, @CheckForNull Incident[] incidents,
            @CheckForNull List<ActionItem> items) throws IOException {
        TreeMap<String, List<String>> byIncident = new TreeMap<>();
        while (in.next() != JsonToken.END_ARRAY) {
            in.check(JsonToken.START_ARRAY);
            String incident = incident(in, incidents);
            List<String> ids = new ArrayList<>();
            while (in.next() != JsonToken.END_ARRAY) {
                if (items != null) {
                    ids.add(items.get(positionHere(in, items.size())).id());
                } else if (in.current() == JsonToken.VALUE_STRING) {
                    ids.add(in.textHere());
                } else {
                    in.check(JsonToken.VALUE_NUMBER_INT);
                    int number = in.intValue();
                    if (number <= 0) {
                        throw in.problem("item number " + number + " of " + incident + " is not positive");
                    }
                    ids.add(Ids.item(incident, number));
                }
            }
            if (byIncident.put(incident, List.copyOf(ids)) != null) {
                throw in.problem("the items of " + incident + " are listed twice");
            }
        }
        return byIncident;
    }

    /**
     * The OPEN and RESOLVED items per service they guard, as the fold keeps them: every active item
     * under each of its services, services without one left out.
     */
    static PMap<String, PMap<String, ActionItem>> activeItems(Collection<ActionItem> items) {
        TreeMap<String, TreeMap<String, ActionItem>> byService = new TreeMap<>();
        for (ActionItem item : items) {
            if (item.status().isActive()) {
                for (String service : item.services()) {
                    byService.computeIfAbsent(service, s -> new TreeMap<>()).put(item.id(), item);
                }
            }
        }
        TreeMap<String, PMap<String, ActionItem>> sorted = new TreeMap<>();
        for (Map.Entry<String, TreeMap<String, ActionItem>> entry : byService.entrySet()) {
            sorted.put(entry.getKey(), TreePMap.fromSortedMap(entry.getValue()));
        }
        return TreePMap.fromSortedMap(sorted);
    }

    private static PMap<String, String> serviceIncidents(SnapshotRowReader in, String name,
            @CheckForNull Incident[] incidents)
            throws IOException {
        field(in, name);
        in.expect(JsonToken.START_ARRAY);
        TreeMap<String, String> map = new TreeMap<>();
        while (in.next() != JsonToken.END_ARRAY) {
            in.check(JsonToken.START_ARRAY);
            String service = in.name();
            map.put(service, incident(in, incidents));
            in.expect(JsonToken.END_ARRAY);
        }
        return TreePMap.fromSortedMap(map);
    }

    /** An incident: its position in {@code incidents}, or (format 6, {@code incidents} {@code null}) its id. */
    private static String incident(SnapshotRowReader in, @CheckForNull Incident[] incidents) throws IOException {
        if (incidents != null) {
            return incidents[position(in, incidents.length)].id();
        }
        in.expect(JsonToken.VALUE_STRING);
        return in.textHere();
    }

    private static void field(SnapshotRowReader in, String name) throws IOException {
        in.expect(JsonToken.FIELD_NAME);
        if (!name.equals(in.fieldName())) {
            throw in.problem("found '" + in.fieldName() + "' where '" + name + "' belongs");
        }
    }

    private static int position(SnapshotRowReader in, int size) throws IOException {
        in.next();
        return positionHere(in, size);
    }

    private static int positionHere(SnapshotRowReader in, int size) throws IOException {
        in.check(JsonToken.VALUE_NUMBER_INT);
        int position = in.intValue();
        if (position < 0 || position >= size) {
            throw in.problem("position " + position + " is outside its section");
        }
        return position;
    }
}
