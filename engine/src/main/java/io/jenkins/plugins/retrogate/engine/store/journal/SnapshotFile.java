package io.jenkins.plugins.retrogate.engine.store.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.retrogate.engine.state.Counters;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * A snapshot of the folded state (see {@code docs/storage.md}): a JSON header line, then one JSON
 * line per section, each with its length and CRC32C in the header, so the sections are read,
 * checked and parsed in parallel at start-up. Format 3 (format 2 with the gate's fields of deployments
 * and the gate decisions per build) writes entities as rows (arrays of fields in
 * a fixed order, see {@link SnapshotRowWriter}) in ascending id order, with a table of the names they
 * share; indexes that follow from the entities are rebuilt rather than stored. Format 1 (entities as
 * named JSON objects) is still read ({@link SnapshotFormat1}). Written to a temporary file, forced,
 * renamed into place and the directory forced, so a crash leaves either the old set of snapshots or
 * the new one.
 */
final class SnapshotFile {
    /** The version of the snapshot layout; older versions are read, newer ones refused. */
    static final int FORMAT = 3;
    static final int CHUNK = 10_000;
    private static final JsonFactory JSON = EventJson.mapper().getFactory();

    private SnapshotFile() {
    }

    /** A snapshot read back: the state and where its last record is. */
    record Loaded(RetroState state, String hash, Long segment, Long offset) {
    }

    /** One section line: what it holds, how many entries, its length in bytes (newline excluded), its CRC32C. */
    record Section(String name, int count, int bytes, String crc32c) {
    }

    /**
     * The header line.
     *
     * @param segment the first sequence number of the segment holding the record at {@code sequence}
     * @param offset  the byte offset of that record's line in its segment
     */
    record Header(int format, int eventFormat, long sequence, String hash, Long segment, Long offset,
            Instant createdAt, List<Section> sections) {
    }

    /** Writes a section's content with the generator it is given. */
    private interface Content {
        void write(JsonGenerator out) throws IOException;
    }

    static Path write(Path dir, RetroState state, JournalStore.Mark mark) throws IOException {
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
        boolean placed = mark.offset() >= 0;
        Header header = new Header(FORMAT, EventJson.FORMAT_VERSION, state.sequence(), mark.hash(),
                placed ? mark.segment() : null, placed ? mark.offset() : null, Instant.now(), sections);
        return store(dir, state.sequence(), header, body.toByteArray());
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

    private static Path store(Path dir, long sequence, Header header, byte[] rest) throws IOException {
        Path target = JournalFiles.snapshot(dir, sequence);
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        byte[] head = (EventJson.mapper().writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
        // Interrupt-safe (see Interrupts): the snapshot may be written on a caller's thread (snapshot(),
        // close()); an interrupt that closes the channel makes it write the whole temporary file again.
        Interrupts.run(() -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer headBuffer = ByteBuffer.wrap(head);
                while (headBuffer.hasRemaining()) {
                    channel.write(headBuffer);
                }
                ByteBuffer restBuffer = ByteBuffer.wrap(rest);
                while (restBuffer.hasRemaining()) {
                    channel.write(restBuffer);
                }
                channel.force(true);
            }
        });
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        JournalFiles.syncDirectory(dir);
        return target;
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

    /** Reads just the header, to learn a snapshot's sequence and format cheaply. */
    static Header header(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                throw new IOException("empty snapshot");
            }
            JsonNode node = EventJson.mapper().readTree(first);
            int format = node.path("format").asInt(-1);
            if (format > FORMAT) {
                return new Header(format, node.path("eventFormat").asInt(), node.path("sequence").asLong(), null,
                        null, null, null, List.of());
            }
            return EventJson.mapper().treeToValue(node, Header.class);
        }
    }

    /** Reads and checks a snapshot whose header was already read, parsing its sections in parallel. */
    static Loaded read(Path file, Header header) throws IOException {
        RetroState state = switch (header.format()) {
            case 1 -> SnapshotFormat1.read(Files.readAllBytes(file), header);
            case 2, FORMAT -> SnapshotReader.read(file, header);
            default -> throw new IOException("unknown snapshot format " + header.format());
        };
        return new Loaded(state, header.hash(), header.segment(), header.offset());
    }
}
