package io.jenkins.plugins.retrogate.engine.store.journal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A snapshot of the folded state (see {@code docs/storage.md}): a header line, then one JSON line
 * per section — the counters, the indexes, and the entities in chunks of {@value #CHUNK} — each with
 * its CRC32C in the header, so the sections are checked and parsed in parallel at start-up. Instants
 * are written as integer epoch nanoseconds, which read back several times faster than ISO text.
 * Written to a temporary file, forced, renamed into place and the directory forced, so a crash
 * leaves either the old set of snapshots or the new one.
 */
final class SnapshotFile {
    /** The version of the snapshot layout; older versions are read, newer ones refused. */
    static final int FORMAT = 1;
    static final int CHUNK = 20_000;
    static final ObjectMapper MAPPER = EventJson.mapper().copy()
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .registerModule(SnapshotInstants.module());

    private SnapshotFile() {
    }

    /** A snapshot read back: the state and where its last record is. */
    record Loaded(RetroState state, String hash, Long segment, Long offset) {
    }

    /** One section line: what it holds, how many entities, its length in bytes (newline excluded), its CRC32C. */
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

    static Path write(Path dir, RetroState state, JournalStore.Mark mark) throws IOException {
        List<Section> sections = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
        section(body, sections, "counters", 1, state.counters());
        section(body, sections, "indexes", 1, new Indexes(SnapshotMaps.lists(state.activeItemsByService()),
                SnapshotMaps.lists(state.itemsByIncident()), state.openIncidentByService(),
                state.rollbackIncidentByService(), SnapshotMaps.lists(state.overridesByTarget()),
                state.pendingRequestByTarget()));
        chunks(body, sections, "incidents", state.incidents().values());
        chunks(body, sections, "items", state.items().values());
        chunks(body, sections, "deployments", state.deployments().values());
        chunks(body, sections, "overrides", state.overrides().values());
        chunks(body, sections, "requests", state.requests().values());
        boolean placed = mark.offset() >= 0;
        Header header = new Header(FORMAT, EventJson.FORMAT_VERSION, state.sequence(), mark.hash(),
                placed ? mark.segment() : null, placed ? mark.offset() : null, Instant.now(), sections);
        Path target = JournalFiles.snapshot(dir, state.sequence());
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        byte[] head = (EventJson.mapper().writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] rest = body.toByteArray();
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

    private static <T> void chunks(ByteArrayOutputStream body, List<Section> sections, String name,
            java.util.Collection<T> values) throws IOException {
        List<T> chunk = new ArrayList<>(Math.min(CHUNK, values.size()));
        for (T value : values) {
            chunk.add(value);
            if (chunk.size() == CHUNK) {
                section(body, sections, name, chunk.size(), chunk);
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) {
            section(body, sections, name, chunk.size(), chunk);
        }
    }

    private static void section(ByteArrayOutputStream body, List<Section> sections, String name, int count,
            Object value) throws IOException {
        byte[] line = MAPPER.writeValueAsBytes(value);
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
        RetroState state = SnapshotReader.read(Files.readAllBytes(file), header);
        return new Loaded(state, header.hash(), header.segment(), header.offset());
    }
}
