package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.BuildDecision;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.OverrideRequest;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.state.Counters;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Parallel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;
import org.pcollections.PMap;
import org.pcollections.TreePMap;

/**
 * Reads a snapshot of format 2 to 6 (format 3 adds the gate's fields to deployment rows and the
 * {@code gateDecisions} section; any may hold the optional {@code itemCounters} section a repair
 * leaves). Each section is read from the file, checked against its CRC32C and
 * parsed on a pool of threads: first the names, then the incidents, deployments, overrides and
 * requests side by side, then the items (which point at incidents and deployments by position)
 * while the first maps are built. The maps are built in one pass from the rows' id order; the
 * indexes that follow from the entities (active items per service, overrides per target) are
 * rebuilt from them. Format 6 puts the history (deployments, closed items) apart: it is read and
 * checked with the rest, but decoded in the background after the state is returned ({@link History},
 * {@link DeferredMap}).
 */
final class SnapshotReader {
    private static final JsonFactory JSON = SnapshotFormat.JSON;

    private final SnapshotFormat.Source source;
    private final ExecutorService pool;
    private final List<SnapshotFormat.Section> sections;
    private final long[] offsets;
    private final boolean gated;
    /** Format 4: incident rows end with the retrospective's answers (not seen before, no action). */
    private final boolean answered;
    /** Format 5: overrides name their approvers, and approvals waiting for more may follow. */
    private final boolean approved;
    /** Format 6: the open items come apart from the history, which is decoded in the background. */
    private final boolean split;
    private String[] names;

    private SnapshotReader(SnapshotFormat.Source source, ExecutorService pool, List<SnapshotFormat.Section> sections,
            long[] offsets, boolean gated, boolean answered, boolean approved, boolean split) {
        this.source = source;
        this.pool = pool;
        this.sections = sections;
        this.offsets = offsets;
        this.gated = gated;
        this.answered = answered;
        this.approved = approved;
        this.split = split;
    }

    static RetroState read(SnapshotFormat.Source source, SnapshotFormat.Header header, boolean historyOnDemand)
            throws IOException {
        ExecutorService pool = Parallel.pool("snapshot");
        try {
            List<SnapshotFormat.Section> sections = header.sections();
            long[] offsets = new long[sections.size()];
            long end = source.size();
            for (int i = sections.size() - 1; i >= 0; i--) {
                if (sections.get(i).bytes() < 0) {
                    throw new IOException("section '" + sections.get(i).name() + "' has a negative length");
                }
                end -= sections.get(i).bytes() + 1L;
                offsets[i] = end;
            }
            if (end <= 0) {
                throw new IOException("the snapshot is shorter than its sections (truncated?)");
            }
            return new SnapshotReader(source, pool, sections, offsets, header.format() >= 3,
                    header.format() >= 4, header.format() >= 5, header.format() >= 6).read(header.sequence(),
                    historyOnDemand);
        } catch (ExecutionException | InterruptedException e) {
            throw SnapshotReader.failed(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What a section worker's failure, or an interrupt while waiting for one, becomes for the caller
     * of a snapshot read (both formats): the worker's own {@link IOException} as it was, anything else
     * wrapped; an interrupt keeps the thread's flag.
     */
    static IOException failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new IOException("interrupted while reading a snapshot", e);
        }
        Throwable cause = e.getCause();
        return cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
    }

    private static final List<String> KNOWN = List.of("names", "counters", "indexes", "incidents", "deployments",
            "items", "overrides", "requests", "gateDecisions", "itemCounters", "approvals", "activeItems",
            "gateIncidents", "itemsByIncident");

    private RetroState read(long sequence, boolean historyOnDemand)
            throws IOException, ExecutionException, InterruptedException {
        for (SnapshotFormat.Section section : sections) {
            if (!KNOWN.contains(section.name()) || (!gated && section.name().equals("gateDecisions"))
                    || (!approved && section.name().equals("approvals"))
                    || (!split && List.of("activeItems", "gateIncidents", "itemsByIncident").contains(section.name()))) {
                throw new IOException("unknown snapshot section '" + section.name() + "'");
            }
        }
        names = names(one("names"));
        List<Future<List<Incident>>> incidentChunks = parseAll(split ? "gateIncidents" : "incidents",
                in -> in.incident(answered));
        // format 6: the open items name their incidents by id, so they are read beside the incidents
        List<Future<List<ActionItem>>> activeChunks = split
                ? parseAll("activeItems", in -> active(in.item(null, NO_DEPLOYMENTS), true)) : List.of();
        ExecutorService background = split ? Parallel.background("snapshot-history") : null;
        List<Future<List<Deployment>>> deploymentChunks = split ? List.of()
                : parseAll("deployments", in -> in.deployment(gated));
        Future<List<OverrideApproval>> overrides = pool.submit(() -> records("overrides", SnapshotRecords::overrides));
        Future<List<OverrideRequest>> requests = pool.submit(() -> records("requests", SnapshotRecords::requests));
        Future<List<BuildDecision>> decisions = gated ? pool.submit(() -> records("gateDecisions",
                SnapshotRecords::decisions)) : null;
        Future<List<PartialApproval>> approvals = sections.stream().anyMatch(x -> x.name().equals("approvals"))
                ? pool.submit(() -> records("approvals", SnapshotRecords::approvals)) : null;
        List<Future<byte[]>> historyDeployments = split ? checked("deployments", pool) : List.of();
        List<Future<byte[]>> historyIncidents = split ? checked("incidents", pool) : List.of();
        List<Future<byte[]>> historyItems = split ? checked("items", pool) : List.of();
        List<Future<byte[]>> historyIndex = split ? checked("itemsByIncident", pool) : List.of();
        Counters counters = counters(one("counters"));
        if (sections.stream().anyMatch(s -> s.name().equals("itemCounters"))) {
            counters = counters.withItems(SnapshotFormat1.MAPPER.readValue(one("itemCounters"),
                    new TypeReference<java.util.Map<String, Integer>>() { }));
        }
        Incident[] incidents = joined(incidentChunks).toArray(Incident[]::new);
        PMap<String, Incident> incidentsById = SnapshotMaps.sortedById(List.of(incidents), Incident::id, "incidents");
        List<ActionItem> items;
        PMap<String, ActionItem> itemMap;
        Future<PMap<String, Deployment>> deploymentMap = null;
        if (split) {
            items = joined(activeChunks);
            itemMap = SnapshotMaps.sortedById(items, ActionItem::id, "open action items");
        } else {
            Deployment[] deployments = joined(deploymentChunks).toArray(Deployment[]::new);
            List<Future<List<ActionItem>>> itemChunks = parseAll("items", in -> in.item(incidents, deployments));
            deploymentMap = pool.submit(
                    () -> SnapshotMaps.sortedById(List.of(deployments), Deployment::id, "deployments"));
            items = joined(itemChunks);
            itemMap = SnapshotMaps.sortedById(items, ActionItem::id, "items");
        }
        SnapshotIndexes indexes;
        try (JsonParser parser = parser(one("indexes"))) {
            indexes = SnapshotIndexes.read(new SnapshotRowReader(parser, "indexes", names), split ? null : incidents,
                    split ? null : items);
        }
        PMap<String, OverrideApproval> overridesById = SnapshotMaps.sortedById(overrides.get(), OverrideApproval::id,
                "overrides");
        PMap<String, OverrideRequest> requestsById = SnapshotMaps.sortedById(requests.get(), OverrideRequest::id,
                "requests");
        PMap<String, BuildDecision> decisionsByKey = decisions == null ? TreePMap.empty()
                : SnapshotMaps.sortedById(decisions.get(), SnapshotReader::key, "gate decisions");
        PMap<String, List<PartialApproval>> waiting = approvals == null ? TreePMap.empty() : partials(approvals.get());
        PMap<String, Deployment> deploymentsById;
        PMap<String, List<String>> itemsByIncident = indexes.itemsByIncident();
        if (split) {
            // Everything a gate reads is there: the history is decoded from here on, in the background.
            gateReadsOnlyWhatCameFirst(incidentsById, items, indexes);
            History history = new History(background, incidents, items, each(historyDeployments),
                    each(historyIncidents), each(historyItems), each(historyIndex), indexes.itemsByIncident());
            Runnable demand = history.demand(); // holds nothing but the switch, not this reader's bytes
            deploymentsById = new DeferredMap<>(TreePMap.empty(), history.deployments, demand, "deployments");
            // the items of the incidents that came first are all there: one without items answers at once
            itemsByIncident = new DeferredMap<>(itemsByIncident, java.util.Set.copyOf(incidentsById.keySet()),
                    history.itemsByIncident, demand, "items of incidents");
            incidentsById = new DeferredMap<>(incidentsById, history.incidents, demand, "incidents");
            itemMap = new DeferredMap<>(itemMap, history.items, demand, "closed action items");
            if (!historyOnDemand) {
                demand.run();
            }
        } else {
            deploymentsById = deploymentMap.get();
        }
        return new RetroState(sequence, incidentsById, itemMap, SnapshotIndexes.activeItems(items),
                itemsByIncident, indexes.openIncidentByService(), indexes.rollbackIncidentByService(),
                deploymentsById, overridesById, indexes.overridesByTarget(), requestsById,
                indexes.pendingRequestByTarget(), counters, decisionsByKey, waiting);
    }

    /**
     * Format 6: every incident a gate reads (named by the services' indexes, or of an open item) came
     * first. A snapshot that says otherwise is refused: a gate would otherwise wait for the history, or
     * miss the incident.
     */
    private static void gateReadsOnlyWhatCameFirst(PMap<String, Incident> first, List<ActionItem> active,
            SnapshotIndexes indexes) throws IOException {
        List<String> named = new ArrayList<>(indexes.openIncidentByService().values());
        named.addAll(indexes.rollbackIncidentByService().values());
        active.forEach(item -> named.add(item.incidentId()));
        for (String incident : named) {
            if (!first.containsKey(incident)) {
                throw new IOException("section 'gateIncidents' lacks " + incident + ", which an index or an open"
                        + " item names");
            }
        }
    }

    private static final Deployment[] NO_DEPLOYMENTS = new Deployment[0];

    /** {@code item}, checked to be active ({@code wanted}: read from an activeItems section) or not (from an items section of format 6). */
    private static ActionItem active(ActionItem item, boolean wanted) throws IOException {
        if (item.status().isActive() != wanted) {
            throw new IOException("section '" + (wanted ? "activeItems" : "items") + "' holds " + item.id() + ", which is "
                    + item.status() + ": it belongs in '" + (wanted ? "items" : "activeItems") + "'");
        }
        return item;
    }

    /**
     * The sections called {@code name}, read and checked against their CRC32C on the {@code on} pool
     * (beside what a gate needs), to be decoded later: the read waits for them, so a damaged history
     * refuses the snapshot as a damaged open item does.
     */
    private List<Future<byte[]>> checked(String name, ExecutorService on) {
        List<Future<byte[]>> futures = new ArrayList<>();
        for (int index : indexes(name)) {
            futures.add(on.submit(() -> bytes(index)));
        }
        return futures;
    }

    /**
     * The history of a format-6 snapshot (its deployments, the incidents no gate reads, the items that
     * are not open or resolved and those incidents' index entries), checked already and decoded in the
     * background once started: the deployments' and incidents' sections side by side, then the items'
     * (which name both by position), then the four maps.
     */
    private final class History {
        final CompletableFuture<PMap<String, Deployment>> deployments;
        final CompletableFuture<PMap<String, Incident>> incidents;
        final CompletableFuture<PMap<String, ActionItem>> items;
        final CompletableFuture<PMap<String, List<String>>> itemsByIncident;
        /** Completed to begin decoding: at once, or when the history is first read. */
        private final CompletableFuture<Void> go = new CompletableFuture<>();

        History(ExecutorService background, Incident[] gateIncidents, List<ActionItem> active,
                List<byte[]> deploymentBytes, List<byte[]> incidentBytes, List<byte[]> itemBytes, List<byte[]> indexBytes,
                PMap<String, List<String>> gateEntries) {
            List<Integer> indexSections = indexes("itemsByIncident");
            itemsByIncident = go.thenApplyAsync(started -> unchecked(() -> {
                java.util.TreeMap<String, List<String>> all = new java.util.TreeMap<>(gateEntries);
                for (int i = 0; i < indexSections.size(); i++) {
                    SnapshotFormat.Section section = sections.get(indexSections.get(i));
                    try (JsonParser parser = parser(indexBytes.get(i))) {
                        SnapshotRowReader in = new SnapshotRowReader(parser, section.name(), names);
                        in.expect(JsonToken.START_ARRAY);
                        java.util.TreeMap<String, List<String>> others = SnapshotIndexes.itemsByIncident(in, null, null);
                        if (others.size() != section.count()) {
                            throw in.problem(others.size() + " entries where the header says " + section.count());
                        }
                        for (var entry : others.entrySet()) {
                            if (all.put(entry.getKey(), entry.getValue()) != null) {
                                throw in.problem("the items of " + entry.getKey() + " are listed twice");
                            }
                        }
                    }
                }
                return (PMap<String, List<String>>) TreePMap.fromSortedMap(all);
            }), background);
            CompletableFuture<Deployment[]> allDeployments = chunks(background, "deployments", deploymentBytes,
                    in -> in.deployment(true)).thenApply(list -> list.toArray(Deployment[]::new));
            // the items name incidents by position among all of them, in id order: the gate's and the others merged
            CompletableFuture<Incident[]> allIncidents = chunks(background, "incidents", incidentBytes,
                    in -> in.incident(true)).thenApply(others -> merged(List.of(gateIncidents), others,
                            Incident::id).toArray(Incident[]::new));
            deployments = allDeployments.thenApplyAsync(array -> unchecked(
                    () -> SnapshotMaps.sortedById(List.of(array), Deployment::id, "deployments")), background);
            incidents = allIncidents.thenApplyAsync(array -> unchecked(
                    () -> SnapshotMaps.sortedById(List.of(array), Incident::id, "incidents")), background);
            List<Integer> itemSections = indexes("items");
            List<CompletableFuture<List<ActionItem>>> itemChunks = new ArrayList<>();
            CompletableFuture<Void> both = CompletableFuture.allOf(allDeployments, allIncidents);
            for (int i = 0; i < itemSections.size(); i++) {
                int index = itemSections.get(i);
                byte[] bytes = itemBytes.get(i);
                itemChunks.add(both.thenApplyAsync(done -> unchecked(() -> rows(index, bytes,
                        in -> active(in.item(allIncidents.join(), allDeployments.join()), false))), background));
            }
            items = CompletableFuture.allOf(itemChunks.toArray(CompletableFuture[]::new)).thenApplyAsync(done -> {
                List<ActionItem> closed = new ArrayList<>();
                itemChunks.forEach(chunk -> closed.addAll(chunk.join()));
                return unchecked(() -> SnapshotMaps.sortedById(merged(active, closed, ActionItem::id),
                        ActionItem::id, "items"));
            }, background);
        }

        /** What begins decoding, unless it has begun; it holds the switch only. */
        Runnable demand() {
            CompletableFuture<Void> start = go;
            return () -> start.complete(null);
        }

        /** The sections called {@code name} (their bytes given), decoded side by side, their rows in order. */
        private <T> CompletableFuture<List<T>> chunks(ExecutorService background, String name, List<byte[]> bytes,
                RowReader<T> row) {
            List<Integer> sectionIndexes = indexes(name);
            List<CompletableFuture<List<T>>> chunks = new ArrayList<>();
            for (int i = 0; i < sectionIndexes.size(); i++) {
                int index = sectionIndexes.get(i);
                byte[] section = bytes.get(i);
                chunks.add(go.thenApplyAsync(started -> unchecked(() -> rows(index, section, row)), background));
            }
            return CompletableFuture.allOf(chunks.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<T> all = new ArrayList<>();
                chunks.forEach(chunk -> all.addAll(chunk.join()));
                return all;
            });
        }
    }

    /** Two lists in ascending id order, merged into one (a repeated id stays, for the order check to refuse). */
    private static <T> List<T> merged(List<T> one, List<T> other, java.util.function.Function<T, String> id) {
        List<T> all = new ArrayList<>(one.size() + other.size());
        int i = 0;
        int j = 0;
        while (i < one.size() || j < other.size()) {
            if (j == other.size() || (i < one.size() && id.apply(one.get(i)).compareTo(id.apply(other.get(j))) <= 0)) {
                all.add(one.get(i++));
            } else {
                all.add(other.get(j++));
            }
        }
        return all;
    }

    /** Work for a background stage: an {@link IOException} fails the stage with it as the cause. */
    private interface Work<T> {
        T run() throws IOException;
    }

    private static <T> T unchecked(Work<T> work) {
        try {
            return work.run();
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private List<Integer> indexes(String name) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(name)) {
                found.add(i);
            }
        }
        return found;
    }

    /** The approvals waiting for more approvers, back under their build's (or window's) key, in their order. */
    private static PMap<String, List<PartialApproval>> partials(List<PartialApproval> approvals) {
        java.util.Map<String, List<PartialApproval>> byKey = new java.util.TreeMap<>();
        for (PartialApproval approval : approvals) {
            byKey.computeIfAbsent(RetroState.requestKey(approval.service(), approval.environment(),
                    approval.buildUrl()), k -> new ArrayList<>()).add(approval);
        }
        PMap<String, List<PartialApproval>> result = TreePMap.empty();
        for (var entry : byKey.entrySet()) {
            result = result.plus(entry.getKey(), List.copyOf(entry.getValue()));
        }
        return result;
    }

    private static String key(BuildDecision decision) {
        return RetroState.requestKey(decision.service(), decision.environment(), decision.buildUrl());
    }

    /** Parses one row of a section. */
    private interface RowReader<T> {
        T read(SnapshotRowReader in) throws IOException;
    }

    private <T> List<Future<List<T>>> parseAll(String name, RowReader<T> row) {
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int index : indexes(name)) {
            futures.add(pool.submit(() -> rows(index, row)));
        }
        return futures;
    }

    private <T> List<T> rows(int index, RowReader<T> row) throws IOException {
        return rows(index, bytes(index), row);
    }

    private <T> List<T> rows(int index, byte[] bytes, RowReader<T> row) throws IOException {
        SnapshotFormat.Section section = sections.get(index);
        try (JsonParser parser = parser(bytes)) {
            SnapshotRowReader in = new SnapshotRowReader(parser, section.name(), names);
            in.expect(JsonToken.START_ARRAY);
            List<T> values = new ArrayList<>(section.count());
            for (int i = 0; i < section.count(); i++) {
                values.add(row.read(in));
            }
            in.expect(JsonToken.END_ARRAY);
            if (parser.nextToken() != null) {
                throw in.problem("more rows than the header's " + section.count());
            }
            return values;
        } catch (RuntimeException e) { // a model constructor refusing a value: the file is not what was written
            throw new IOException("section '" + section.name() + "' holds an invalid entity: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> each(List<Future<T>> futures) throws ExecutionException, InterruptedException {
        List<T> all = new ArrayList<>(futures.size());
        for (Future<T> future : futures) {
            all.add(future.get());
        }
        return all;
    }

    private static <T> List<T> joined(List<Future<List<T>>> chunks) throws ExecutionException, InterruptedException {
        List<T> all = new ArrayList<>();
        for (Future<List<T>> chunk : chunks) {
            all.addAll(chunk.get());
        }
        return all;
    }

    private static String[] names(byte[] json) throws IOException {
        try (JsonParser parser = parser(json)) {
            List<String> names = new ArrayList<>();
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("section 'names' is not an array");
            }
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                names.add(Names.shared(parser.getText()));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IOException("section 'names' holds something other than text");
            }
            return names.toArray(String[]::new);
        }
    }

    private static Counters counters(byte[] json) throws IOException {
        List<Long> values = new ArrayList<>(4);
        try (JsonParser parser = parser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("section 'counters' is not an array");
            }
            while (parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                values.add(parser.getLongValue());
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new IOException("section 'counters' holds something other than whole numbers");
            }
        }
        if (values.size() != 4) {
            throw new IOException("section 'counters' holds " + values.size() + " numbers, not 4");
        }
        return new Counters(values.get(0), values.get(1), values.get(2), values.get(3));
    }

    /** Reads a section of records. */
    private interface RecordsReader<T> {
        List<T> read(JsonParser parser, String section) throws IOException;
    }

    private <T> List<T> records(String name, RecordsReader<T> reader) throws IOException {
        List<T> values;
        try (JsonParser parser = parser(one(name))) {
            values = reader.read(parser, name);
        }
        int count = sections.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().count();
        if (values.size() != count) {
            throw new IOException("section '" + name + "' holds " + values.size() + " entries, its header says "
                    + count);
        }
        return values;
    }

    static JsonParser parser(byte[] json) throws IOException {
        return JSON.createParser(json, 0, json.length - 1);
    }

    /** The bytes of the only section called {@code name}. */
    private byte[] one(String name) throws IOException {
        int found = -1;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).name().equals(name)) {
                if (found >= 0) {
                    throw new IOException("the snapshot has two '" + name + "' sections");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IOException("the snapshot lacks its '" + name + "' section");
        }
        return bytes(found);
    }

    /** A section's bytes and the newline after them, checked against the header's CRC32C. */
    private byte[] bytes(int index) throws IOException {
        SnapshotFormat.Section section = sections.get(index);
        byte[] bytes = new byte[section.bytes() + 1];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = offsets[index];
        while (buffer.hasRemaining()) {
            int read = source.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("section '" + section.name() + "' is cut short (truncated snapshot)");
            }
        }
        if (bytes[section.bytes()] != '\n') {
            throw new IOException("section '" + section.name() + "' does not end where the header says (the"
                    + " snapshot is truncated or was edited)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, section.bytes());
        if (!String.format("%08x", crc.getValue()).equals(section.crc32c())) {
            throw new IOException("section '" + section.name() + "' fails its CRC32C check");
        }
        return bytes;
    }
}
