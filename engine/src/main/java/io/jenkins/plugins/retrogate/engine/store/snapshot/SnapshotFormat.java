package io.jenkins.plugins.retrogate.engine.store.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * the {@code approvals} section. Format 6 splits what a gate needs from the history: the open and
 * resolved items come first, in {@code activeItems} sections that name their incident and
 * deployments by id, and the
 * deployments and the other items after them, so that a reader checks every section at once but
 * decodes the history in the background ({@link DeferredMap}); the items of each incident are their
 * numbers ({@code INC-3-A2} is 2 under {@code INC-3}).
 */
public final class SnapshotFormat {
    /** The version of the snapshot layout; older versions are read, newer ones refused. */
    public static final int FORMAT = 6;
    static final int CHUNK = 10_000;
    /** The streaming parser alone: what a gate needs is read before the data-binding mapper is made. */
    static final JsonFactory JSON = JsonFactory.builder().build();

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

        /**
         * A snapshot fetched in two parts: {@code head}, its first bytes, at hand, and the rest, from
         * {@code head.length} to {@code size}, still arriving; a read of the rest waits for it.
         */
        static Source of(byte[] head, long size, java.util.concurrent.Future<byte[]> rest) {
            return new Source() {
                @Override
                public long size() {
                    return size;
                }

                @Override
                public int read(ByteBuffer target, long position) throws IOException {
                    if (position < head.length) {
                        int count = (int) Math.min(target.remaining(), head.length - position);
                        target.put(head, (int) position, count);
                        return count;
                    }
                    byte[] tail;
                    try {
                        tail = rest.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable cause = e.getCause();
                        throw cause instanceof IOException io ? io
                                : new IOException("the rest of the snapshot could not be fetched: " + cause, cause);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while fetching the rest of the snapshot", e);
                    }
                    long at = position - head.length;
                    if (at >= tail.length) {
                        return -1;
                    }
                    int count = (int) Math.min(target.remaining(), tail.length - at);
                    target.put(tail, (int) at, count);
                    return count;
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
        List<ActionItem> active = new ArrayList<>();
        List<ActionItem> closed = new ArrayList<>(state.items().size());
        for (ActionItem item : state.items().values()) {
            (item.status().isActive() ? active : closed).add(item);
        }
        // The incidents a gate reads: those of the open items and those the services' indexes name.
        Set<String> gated = new HashSet<>(state.openIncidentByService().values());
        gated.addAll(state.rollbackIncidentByService().values());
        active.forEach(item -> gated.add(item.incidentId()));
        List<Incident> gateIncidents = new ArrayList<>();
        List<Incident> otherIncidents = new ArrayList<>();
        for (Incident incident : state.incidents().values()) {
            (gated.contains(incident.id()) ? gateIncidents : otherIncidents).add(incident);
        }
        // What a gate needs first, then the history, decoded in the background.
        chunks(entities, entitySections, rows, "gateIncidents", gateIncidents, rows::incident);
        chunks(entities, entitySections, rows, "activeItems", active, rows::activeItem);
        chunks(entities, entitySections, rows, "deployments", state.deployments().values(), rows::deployment);
        chunks(entities, entitySections, rows, "incidents", otherIncidents, rows::incident);
        chunks(entities, entitySections, rows, "items", closed, rows::item);
        int others = (int) state.itemsByIncident().keySet().stream().filter(id -> !gated.contains(id)).count();
        section(entities, entitySections, "itemsByIncident", others, out -> {
            out.writeStartArray();
            itemsByIncident(out, state, gated, false);
            out.writeEndArray();
        });
        Counters c = state.counters();
        section(body, sections, "counters", 1, out -> out.writeArray(
                new long[] {c.incidents(), c.deployments(), c.overrides(), c.requests()}, 0, 4));
        if (!c.items().isEmpty()) {
            // only after a repair reserved item numbers; older versions refuse such a snapshot and replay instead
            section(body, sections, "itemCounters", c.items().size(),
                    out -> SnapshotFormat1.MAPPER.writeValue(out, new java.util.TreeMap<>(c.items())));
        }
        section(body, sections, "indexes", 1, out -> indexes(out, state, rows, gated));
        List<String> names = rows.names();
        section(body, sections, "names", names.size(), out -> out.writeArray(names.toArray(String[]::new), 0,
                names.size()));
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
        // the entity rows last, the history (deployments, closed items) at the very end: see historyOffset
        sections.addAll(entitySections);
        body.write(entities.toByteArray());
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
    private static void indexes(JsonGenerator out, RetroState state, SnapshotRowWriter rows, Set<String> gated)
            throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("itemsByIncident");
        itemsByIncident(out, state, gated, true);
        out.writeEndArray();
        serviceIncidents(out, "openIncidentByService", state.openIncidentByService(), state, rows);
        serviceIncidents(out, "rollbackIncidentByService", state.rollbackIncidentByService(), state, rows);
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

    /**
     * The entries of {@code itemsByIncident} whose incident a gate reads ({@code gate}), or the others:
     * {@code [incident id, item number or id, …]}.
     */
    private static void itemsByIncident(JsonGenerator out, RetroState state, Set<String> gated, boolean gate)
            throws IOException {
        for (Map.Entry<String, List<String>> entry : state.itemsByIncident().entrySet()) {
            if (gated.contains(entry.getKey()) != gate) {
                continue;
            }
            out.writeStartArray();
            out.writeString(known(state, entry.getKey()));
            for (String item : entry.getValue()) {
                int number = numberIn(entry.getKey(), item);
                if (number > 0) {
                    out.writeNumber(number);
                } else {
                    out.writeString(item);
                }
            }
            out.writeEndArray();
        }
    }

    /** The number of {@code item} when its id is the incident's id and that number ({@code INC-3-A2}), else 0. */
    static int numberIn(String incident, String item) {
        if (item.length() <= incident.length() + 2 || !item.startsWith(incident) || !item.startsWith("-A",
                incident.length())) {
            return 0;
        }
        try {
            int number = Integer.parseInt(item.substring(incident.length() + 2));
            return number > 0 && Ids.item(incident, number).equals(item) ? number : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void serviceIncidents(JsonGenerator out, String field, Map<String, String> map, RetroState state,
            SnapshotRowWriter rows) throws IOException {
        rows.to(out);
        out.writeArrayFieldStart(field);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeStartArray();
            rows.name(entry.getKey());
            out.writeString(known(state, entry.getValue()));
            out.writeEndArray();
        }
        out.writeEndArray();
    }

    /** An incident id an index names, checked to be one of the state's incidents. */
    private static String known(RetroState state, String incident) throws IOException {
        if (!state.incidents().containsKey(incident)) {
            throw new IOException("the state's indexes name " + incident + ", which it does not hold");
        }
        return incident;
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

    /**
     * Reads a header line (without its newline), to learn a snapshot's sequence and format cheaply: with
     * the streaming parser, since a start from a snapshot should not wait for the data-binding mapper. A
     * header of a newer format is returned with what this version understands of it (its format,
     * event format and sequence), to be refused by the caller.
     */
    public static Header header(String line) throws IOException {
        try (JsonParser p = JSON.createParser(line)) {
            return header(p);
        } catch (JsonParseException e) {
            throw new IOException("the snapshot's header line is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Header header(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("the snapshot's header line is not a JSON object");
        }
        int format = -1;
        int eventFormat = 0;
        long sequence = 0;
        String hash = null;
        Long segment = null;
        Long offset = null;
        Instant createdAt = null;
        List<Section> sections = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "format" -> format = number(p, field).intValue();
                case "eventFormat" -> eventFormat = number(p, field).intValue();
                case "sequence" -> sequence = number(p, field);
                case "hash" -> hash = text(p, field);
                case "segment" -> segment = value == JsonToken.VALUE_NULL ? null : number(p, field);
                case "offset" -> offset = value == JsonToken.VALUE_NULL ? null : number(p, field);
                case "createdAt" -> createdAt = value == JsonToken.VALUE_NULL ? null : Instant.parse(text(p, field));
                case "sections" -> sections = sections(p);
                default -> {
                    unknown.add(field);
                    p.skipChildren();
                }
            }
        }
        if (format > FORMAT) {
            return new Header(format, eventFormat, sequence, null, null, null, null, List.of());
        }
        if (!unknown.isEmpty()) {
            throw new IOException("the snapshot's header has unknown field(s) " + unknown + " for format " + format);
        }
        return new Header(format, eventFormat, sequence, hash, segment, offset, createdAt, List.copyOf(sections));
    }

    private static List<Section> sections(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IOException("the snapshot header's 'sections' is not an array");
        }
        List<Section> sections = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            Long count = null;
            Long bytes = null;
            String crc = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = text(p, field);
                    case "count" -> count = number(p, field);
                    case "bytes" -> bytes = number(p, field);
                    case "crc32c" -> crc = text(p, field);
                    default -> throw new IOException("a section of the snapshot's header has an unknown field '"
                            + field + "'");
                }
            }
            if (name == null || count == null || bytes == null || crc == null) {
                throw new IOException("a section of the snapshot's header lacks its name, count, bytes or crc32c");
            }
            sections.add(new Section(name, Math.toIntExact(count), Math.toIntExact(bytes), crc));
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw new IOException("the snapshot header's 'sections' holds something other than sections");
        }
        return sections;
    }

    private static Long number(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IOException("the snapshot header's '" + field + "' is not a whole number");
        }
        return p.getLongValue();
    }

    private static String text(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IOException("the snapshot header's '" + field + "' is not text");
        }
        return p.getText();
    }

    /**
     * Waits until the history of a state read from a snapshot is decoded (at once for any other state);
     * returns how many entries its maps hold.
     *
     * @throws HistoryUnreadableException when it cannot be
     */
    public static int whole(RetroState state) {
        return state.deployments().size() + state.incidents().size() + state.items().size()
                + state.itemsByIncident().size();
    }

    /**
     * Where, in a snapshot of {@code size} bytes, its history (the sections a reader decodes in the
     * background: deployments and closed items, format 6) begins: a store can fetch what comes before
     * first and the rest meanwhile. {@code size} for older formats, whose every section is read at once.
     */
    /** The sections of a format-6 snapshot that hold its history, decoded in the background. */
    static final List<String> HISTORY = List.of("deployments", "incidents", "items", "itemsByIncident");

    public static long historyOffset(Header header, long size) {
        if (header.format() < 6) {
            return size;
        }
        long end = size;
        long first = size;
        for (int i = header.sections().size() - 1; i >= 0; i--) {
            Section section = header.sections().get(i);
            end -= section.bytes() + 1L;
            if (HISTORY.contains(section.name())) {
                first = Math.min(first, end);
            }
        }
        return Math.max(0, first);
    }

    /** Reads and checks a snapshot whose header was already read, parsing its sections in parallel. */
    public static RetroState read(Source source, Header header) throws IOException {
        return read(source, header, false);
    }

    /**
     * The same; with {@code historyOnDemand}, a format-6 snapshot's history is decoded when something
     * first reads it rather than in the background at once (it is read and checked either way).
     */
    public static RetroState read(Source source, Header header, boolean historyOnDemand) throws IOException {
        return switch (header.format()) {
            case 1 -> SnapshotFormat1.read(all(source), header);
            case 2, 3, 4, 5, FORMAT -> SnapshotReader.read(source, header, historyOnDemand);
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
