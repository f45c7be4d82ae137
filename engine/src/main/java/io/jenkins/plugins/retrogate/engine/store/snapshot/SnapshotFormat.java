package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.retrogate.engine.model.PartialApproval;
import io.jenkins.plugins.retrogate.engine.state.Counters;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.pcollections.PSet;

/**
 * The encoding of a snapshot of the folded state, the same for every backend (a journal keeps it in
 * a file, PostgreSQL in a row; see {@code docs/storage.md}): a JSON header line, then one JSON line
 * per section, each with its length and CRC32C in the header, so the sections are read, checked and
 * parsed in parallel. Format 3 (format 2 with the gate's fields of deployments and the gate
 * decisions per build) writes entities as rows (arrays of fields in a fixed order, see
 * {@link SnapshotRowWriter}) in ascending id order, with a table of the names they share; indexes
 * that follow from the entities are rebuilt rather than stored. Format 1 (entities as named JSON
 * objects) is still read ({@link SnapshotFormat1}). Format 4 added an incident's retrospective
 * answers; format 5 the approvers of each override and, when some are waiting for more approvers,
 * the {@code approvals} section.
 */
public final class SnapshotFormat {
    /** The version of the snapshot layout; older versions are read, newer ones refused. */
    public static final int FORMAT = 5;
    static final int CHUNK = 10_000;
    private static final JsonFactory JSON = EventJson.mapper().getFactory();

    private SnapshotFormat() {
    }

    /** One section line: what it holds, how many entries, its length in bytes (newline excluded), its CRC32C. */
    public record Section(String name, int count, int bytes, String crc32c) {
    }

    /**
     * The header line.
     *
     * @param sequence the sequence number of the last event the snapshot covers
     * @param hash     the chain hash of that event
     * @param segment  in a journal, the first sequence number of the segment holding that event ({@code null}: unknown)
     * @param offset   in a journal, the byte offset of that event's line in its segment ({@code null}: unknown)
     */
    public record Header(int format, int eventFormat, long sequence, String hash, Long segment, Long offset,
            Instant createdAt, List<Section> sections) {
    }

    /** Where a snapshot's bytes are read from: positional reads, safe from several threads at once. */
    public interface Source {
        long size() throws IOException;

        /** Reads into {@code target} from {@code position}: how many bytes were read, -1 at the end. */
        int read(ByteBuffer target, long position) throws IOException;

        static Source of(FileChannel channel) {
            return new Source() {
                @Override
                public long size() throws IOException {
                    return channel.size();
                }

                @Override
                public int read(ByteBuffer target, long position) throws IOException {
                    return channel.read(target, position);
                }
            };
        }

        static Source of(byte[] bytes) {
            return new Source() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public int read(ByteBuffer target, long position) {
                    if (position >= bytes.length) {
                        return -1;
                    }
                    int count = (int) Math.min(target.remaining(), bytes.length - position);
                    target.put(bytes, (int) position, count);
                    return count;
                }
            };
        }
    }

    /** Writes a section's content with the generator it is given. */
    private interface Content {
        void write(JsonGenerator out) throws IOException;
    }

    /**
     * The snapshot of {@code state}, whose last event has the chain hash {@code hash}: the header line
     * and the sections, ready to be stored.
     */
    public static byte[] write(RetroState state, String hash, Long segment, Long offset) throws IOException {
        List<Section> sections = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
        SnapshotRowWriter rows = new SnapshotRowWriter(positions(state.incidents().keySet()),
                positions(state.deployments().keySet()));
        // The entities first, into a buffer: writing them fills the names table, which goes first in the file.
        ByteArrayOutputStream entities = new ByteArrayOutputStream(1 << 20);
        List<Section> entitySections = new ArrayList<>();
        chunks(entities, entitySections, rows, "incidents", state.incidents().values(), rows::incident);
        chunks(entities, entitySections, rows, "deployments", state.deployments().values(), rows::deployment);
        chunks(entities, entitySections, rows, "items", state.items().values(), rows::item);
        Counters c = state.counters();
        section(body, sections, "counters", 1, out -> out.writeArray(
                new long[] {c.incidents(), c.deployments(), c.overrides(), c.requests()}, 0, 4));
        if (!c.items().isEmpty()) {
            // only after a repair reserved item numbers; older versions refuse such a snapshot and replay instead
            section(body, sections, "itemCounters", c.items().size(),
                    out -> SnapshotFormat1.MAPPER.writeValue(out, new java.util.TreeMap<>(c.items())));
        }
        section(body, sections, "indexes", 1, out -> indexes(out, state, rows));
        List<String> names = rows.names();
        section(body, sections, "names", names.size(), out -> out.writeArray(names.toArray(String[]::new), 0,
                names.size()));
        sections.addAll(entitySections);
        body.write(entities.toByteArray());
        section(body, sections, "overrides", state.overrides().size(),
                out -> SnapshotFormat1.MAPPER.writeValue(out, List.copyOf(state.overrides().values())));
        section(body, sections, "requests", state.requests().size(),
                out -> SnapshotFormat1.MAPPER.writeValue(out, List.copyOf(state.requests().values())));
        section(body, sections, "gateDecisions", state.decisionsByBuild().size(),
                out -> SnapshotFormat1.MAPPER.writeValue(out, List.copyOf(state.decisionsByBuild().values())));
        if (!state.partialApprovals().isEmpty()) {
            List<PartialApproval> approvals = new ArrayList<>();
            state.partialApprovals().values().forEach(approvals::addAll);
            section(body, sections, "approvals", approvals.size(),
                    out -> SnapshotFormat1.MAPPER.writeValue(out, approvals));
        }
        Header header = new Header(FORMAT, EventJson.FORMAT_VERSION, state.sequence(), hash, segment, offset,
                Instant.now(), sections);
        byte[] head = (EventJson.mapper().writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream all = new ByteArrayOutputStream(head.length + body.size());
        all.write(head);
        body.writeTo(all);
        return all.toByteArray();
    }

    /**
     * The indexes a snapshot cannot rebuild from the entities: the items of each incident in the
     * order they were added (as positions in the items' order), the open and the latest rollback
     * incident of each service, the overrides per target and the pending override requests. The
     * active items per service follow from the items and are rebuilt from them.
     */
    private static void indexes(JsonGenerator out, RetroState state, SnapshotRowWriter rows) throws IOException {
        Map<String, Integer> incidents = positions(state.incidents().keySet());
        Map<String, Integer> items = positions(state.items().keySet());
        out.writeStartObject();
        out.writeArrayFieldStart("itemsByIncident");
        for (Map.Entry<String, List<String>> entry : state.itemsByIncident().entrySet()) {
            out.writeStartArray();
            out.writeNumber(position(incidents, entry.getKey()));
            for (String item : entry.getValue()) {
                out.writeNumber(position(items, item));
            }
            out.writeEndArray();
        }
        out.writeEndArray();
        serviceIncidents(out, "openIncidentByService", state.openIncidentByService(), incidents, rows);
        serviceIncidents(out, "rollbackIncidentByService", state.rollbackIncidentByService(), incidents, rows);
        out.writeObjectFieldStart("overridesByTarget");
        for (Map.Entry<String, PSet<String>> entry : state.overridesByTarget().entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (String id : entry.getValue()) {
                out.writeString(id);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        out.writeObjectFieldStart("pendingRequestByTarget");
        for (Map.Entry<String, String> entry : state.pendingRequestByTarget().entrySet()) {
            out.writeStringField(entry.getKey(), entry.getValue());
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void serviceIncidents(JsonGenerator out, String field, Map<String, String> map,
            Map<String, Integer> incidents, SnapshotRowWriter rows) throws IOException {
        rows.to(out);
        out.writeArrayFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeStartArray();
            rows.name(entry.getKey());
            out.writeNumber(position(incidents, entry.getValue()));
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    private static int position(Map<String, Integer> positions, String id) throws IOException {
        Integer position = positions.get(id);
        if (position == null) {
            throw new IOException("the state's indexes name " + id + ", which it does not hold");
        }
        return position;
    }

    private static Map<String, Integer> positions(Collection<String> ids) {
        Map<String, Integer> positions = new HashMap<>(ids.size() * 2);
        for (String id : ids) {
            positions.put(id, positions.size());
        }
        return positions;
    }

    /** Writes one kind of entity as sections of up to {@value #CHUNK} rows. */
    private interface Row<T> {
        void write(T value) throws IOException;
    }

    private static <T> void chunks(ByteArrayOutputStream body, List<Section> sections, SnapshotRowWriter rows,
            String name, Collection<T> values, Row<T> row) throws IOException {
        Iterator<T> iterator = values.iterator();
        int left = values.size();
        while (left > 0) {
            int count = Math.min(CHUNK, left);
            left -= count;
            section(body, sections, name, count, out -> {
                rows.to(out);
                out.writeStartArray();
                for (int i = 0; i < count; i++) {
                    row.write(iterator.next());
                }
                out.writeEndArray();
            });
        }
    }

    private static void section(ByteArrayOutputStream body, List<Section> sections, String name, int count,
            Content content) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator out = JSON.createGenerator(buffer)) {
            content.write(out);
        }
        byte[] line = buffer.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(line);
        sections.add(new Section(name, count, line.length, String.format("%08x", crc.getValue())));
        body.write(line);
        body.write('\n');
    }

    /** Reads a header line (without its newline), to learn a snapshot's sequence and format cheaply. */
    public static Header header(String line) throws IOException {
        JsonNode node = EventJson.mapper().readTree(line);
        int format = node.path("format").asInt(-1);
        if (format > FORMAT) {
            return new Header(format, node.path("eventFormat").asInt(), node.path("sequence").asLong(), null,
                    null, null, null, List.of());
        }
        return EventJson.mapper().treeToValue(node, Header.class);
    }

    /** Reads and checks a snapshot whose header was already read, parsing its sections in parallel. */
    public static RetroState read(Source source, Header header) throws IOException {
        return switch (header.format()) {
            case 1 -> SnapshotFormat1.read(all(source), header);
            case 2, 3, 4, FORMAT -> SnapshotReader.read(source, header);
            default -> throw new IOException("unknown snapshot format " + header.format());
        };
    }

    /** Reads a whole snapshot held in memory: its header, then its state. */
    public static RetroState read(byte[] snapshot) throws IOException {
        int newline = 0;
        while (newline < snapshot.length && snapshot[newline] != '\n') {
            newline++;
        }
        if (newline == snapshot.length) {
            throw new IOException("the snapshot has no header line");
        }
        return read(Source.of(snapshot), header(new String(snapshot, 0, newline, StandardCharsets.UTF_8)));
    }

    private static byte[] all(Source source) throws IOException {
        long size = source.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("a format-1 snapshot of " + size + " bytes is too large to read");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining()) {
            if (source.read(buffer, buffer.position()) < 0) {
                throw new IOException("the snapshot is cut short");
            }
        }
        return buffer.array();
    }
}
