package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.state.Counters;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.Parallel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.pcollections.TreePMap;
import org.pcollections.PMap;

/**
 * Reads snapshots of format 1, which earlier versions wrote: the counters, the indexes and the
 * entities as JSON objects with field names (lists of records in chunks). Each line's CRC32C is
 * checked and its JSON parsed on a pool of threads, then the state's maps are built. Read only:
 * snapshots are written in the current format ({@link SnapshotFormat}).
 */
final class SnapshotFormat1 {
    static final ObjectMapper MAPPER = EventJson.mapper().copy()
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .registerModule(SnapshotInstants.module());

    /** The index maps, as plain collections. */
    record Indexes(Map<String, List<String>> activeItemsByService, Map<String, List<String>> itemsByIncident,
            Map<String, String> openIncidentByService, Map<String, String> rollbackIncidentByService,
            Map<String, List<String>> overridesByTarget, Map<String, String> pendingRequestByTarget) {
    }

    static final Map<String, TypeReference<?>> TYPES = Map.of(
            "counters", new TypeReference<Counters>() { },
            "indexes", new TypeReference<Indexes>() { },
            "incidents", new TypeReference<List<Incident>>() { },
            "items", new TypeReference<List<ActionItem>>() { },
            "deployments", new TypeReference<List<Deployment>>() { },
            "overrides", new TypeReference<List<OverrideApproval>>() { },
            "requests", new TypeReference<List<OverrideRequest>>() { });

    private SnapshotFormat1() {
    }

    static RetroState read(byte[] all, SnapshotFormat.Header header) throws IOException {
        List<SnapshotFormat.Section> sections = header.sections();
        List<int[]> lines = lines(all, sections);
        ExecutorService pool = Parallel.pool("snapshot");
        try {
            List<Future<Object>> parsed = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                SnapshotFormat.Section section = sections.get(i);
                int[] line = lines.get(i + 1);
                parsed.add(pool.submit(() -> parse(all, line, section)));
            }
            Counters counters = null;
            Indexes indexes = null;
            Map<String, List<List<?>>> chunks = new HashMap<>();
            for (int i = 0; i < sections.size(); i++) {
                Object value = parsed.get(i).get();
                switch (sections.get(i).name()) {
                    case "counters" -> counters = (Counters) value;
                    case "indexes" -> indexes = (Indexes) value;
                    default -> chunks.computeIfAbsent(sections.get(i).name(), k -> new ArrayList<>()).add((List<?>) value);
                }
            }
            if (counters == null || indexes == null) {
                throw new IOException("the snapshot lacks its counters or indexes");
            }
            Future<PMap<String, Incident>> incidents = pool.submit(() -> map(chunks, "incidents", Incident::id));
            Future<PMap<String, ActionItem>> items = pool.submit(() -> map(chunks, "items", ActionItem::id));
            Future<PMap<String, Deployment>> deployments = pool.submit(() -> map(chunks, "deployments", Deployment::id));
            PMap<String, OverrideApproval> overrides = map(chunks, "overrides", OverrideApproval::id);
            PMap<String, OverrideRequest> requests = map(chunks, "requests", OverrideRequest::id);
            Indexes ix = indexes;
            PMap<String, ActionItem> itemMap = items.get();
            // the active items are derived from the items, as format 6 does (the stored id lists say the same)
            return new RetroState(header.sequence(), incidents.get(), itemMap,
                    SnapshotIndexes.activeItems(itemMap.values()), SnapshotMaps.vectors(ix.itemsByIncident()),
                    SnapshotMaps.plain(ix.openIncidentByService()), SnapshotMaps.plain(ix.rollbackIncidentByService()),
                    deployments.get(), overrides, SnapshotMaps.sets(ix.overridesByTarget()), requests,
                    SnapshotMaps.plain(ix.pendingRequestByTarget()), counters, TreePMap.empty(), TreePMap.empty());
        } catch (ExecutionException | InterruptedException e) {
            throw SnapshotReader.failed(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object parse(byte[] all, int[] line, SnapshotFormat.Section section) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(all, line[0], line[1]);
        if (!String.format("%08x", crc.getValue()).equals(section.crc32c())) {
            throw new IOException("section '" + section.name() + "' fails its CRC32C check");
        }
        var type = TYPES.get(section.name());
        if (type == null) {
            throw new IOException("unknown snapshot section '" + section.name() + "'");
        }
        Object value = MAPPER.readValue(all, line[0], line[1], type);
        if (value instanceof List<?> list && list.size() != section.count()) {
            throw new IOException("section '" + section.name() + "' holds " + list.size() + " entries, its header says "
                    + section.count());
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static <V> PMap<String, V> map(Map<String, List<List<?>>> chunks, String name, Function<V, String> id) {
        List<List<V>> parts = new ArrayList<>();
        for (List<?> chunk : chunks.getOrDefault(name, List.of())) {
            parts.add((List<V>) chunk);
        }
        return parts.isEmpty() ? TreePMap.empty() : SnapshotMaps.byId(parts, id);
    }

    /** Start and length of the header line and of each section line, from the lengths the header gives. */
    private static List<int[]> lines(byte[] all, List<SnapshotFormat.Section> sections) throws IOException {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        while (start < all.length && all[start] != '\n') {
            start++;
        }
        lines.add(new int[] {0, start});
        start++;
        for (SnapshotFormat.Section section : sections) {
            int end = start + section.bytes();
            if (section.bytes() < 0 || end >= all.length || all[end] != '\n') {
                throw new IOException("section '" + section.name() + "' does not end where the header says (the"
                        + " snapshot is truncated or was edited)");
            }
            lines.add(new int[] {start, section.bytes()});
            start = end + 1;
        }
        if (start != all.length) {
            throw new IOException("the snapshot has " + (all.length - start) + " bytes after its last section");
        }
        return lines;
    }
}
