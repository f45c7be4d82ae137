package io.jenkins.plugins.retrogate.engine.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pcollections.HashTreePMap;
import org.pcollections.HashTreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * A snapshot of the folded state: a header line ({@code format}, {@code sequence}, the {@code hash}
 * of the record at that sequence, the SHA-256 of the state line) and the state as one JSON line.
 * Written to a temporary file, forced, renamed into place and the directory forced, so a crash
 * leaves either the old set of snapshots or the new one.
 */
final class SnapshotFile {
    /** The version of the snapshot layout; older versions are read, newer ones refused. */
    static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private SnapshotFile() {
    }

    /** A snapshot read back: the state and the hash of the record it ends with. */
    record Loaded(RetroState state, String hash) {
    }

    /** The header line. */
    record Header(int format, int eventFormat, long sequence, String hash, Instant createdAt, String stateSha256) {
    }

    /** The state line: entities as lists, indexes as plain maps. */
    record StateLine(Counters counters, List<Incident> incidents, List<ActionItem> items,
            List<Deployment> deployments, List<OverrideApproval> overrides, List<OverrideRequest> requests,
            Map<String, List<String>> activeItemsByService, Map<String, List<String>> itemsByIncident,
            Map<String, String> openIncidentByService, Map<String, String> rollbackIncidentByService,
            Map<String, List<String>> overridesByTarget, Map<String, String> pendingRequestByTarget) {
    }

    static Path write(Path dir, RetroState state, String hash) throws IOException {
        StateLine line = new StateLine(state.counters(), List.copyOf(state.incidents().values()),
                List.copyOf(state.items().values()), List.copyOf(state.deployments().values()),
                List.copyOf(state.overrides().values()), List.copyOf(state.requests().values()),
                lists(state.activeItemsByService()), lists(state.itemsByIncident()), state.openIncidentByService(),
                state.rollbackIncidentByService(), lists(state.overridesByTarget()), state.pendingRequestByTarget());
        byte[] body = MAPPER.writeValueAsBytes(line);
        Header header = new Header(FORMAT, EventJson.FORMAT_VERSION, state.sequence(), hash, Instant.now(),
                HexFormat.of().formatHex(sha256(body)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 300);
        out.write(MAPPER.writeValueAsBytes(header));
        out.write('\n');
        out.write(body);
        out.write('\n');
        Path target = JournalFiles.snapshot(dir, state.sequence());
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(out.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        JournalFiles.syncDirectory(dir);
        return target;
    }

    /** Reads just the header, to learn a snapshot's sequence and format cheaply. */
    static Header header(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                throw new IOException("empty snapshot");
            }
            JsonNode node = MAPPER.readTree(first);
            int format = node.path("format").asInt(-1);
            if (format > FORMAT) {
                return new Header(format, node.path("eventFormat").asInt(), node.path("sequence").asLong(), null,
                        null, null);
            }
            return MAPPER.treeToValue(node, Header.class);
        }
    }

    /** Reads and checks a snapshot whose header was already read. */
    static Loaded read(Path file, Header header) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int newline = indexOf(all, 0);
        int end = all.length > 0 && all[all.length - 1] == '\n' ? all.length - 1 : all.length;
        if (newline < 0 || newline >= end) {
            throw new IOException("the state line is missing");
        }
        int from = newline + 1;
        MessageDigest digest = digest();
        digest.update(all, from, end - from);
        if (!HexFormat.of().formatHex(digest.digest()).equals(header.stateSha256())) {
            throw new IOException("the state fails its SHA-256 check");
        }
        StateLine line = MAPPER.readValue(all, from, end - from, StateLine.class);
        RetroState state = new RetroState(header.sequence(), byId(line.incidents(), Incident::id),
                byId(line.items(), ActionItem::id), sets(line.activeItemsByService()),
                vectors(line.itemsByIncident()), HashTreePMap.from(line.openIncidentByService()),
                HashTreePMap.from(line.rollbackIncidentByService()), byId(line.deployments(), Deployment::id),
                byId(line.overrides(), OverrideApproval::id), sets(line.overridesByTarget()),
                byId(line.requests(), OverrideRequest::id), HashTreePMap.from(line.pendingRequestByTarget()),
                line.counters());
        return new Loaded(state, header.hash());
    }

    private static <V> PMap<String, V> byId(List<V> values, Function<V, String> id) {
        PMap<String, V> map = HashTreePMap.empty();
        for (V value : values) {
            map = map.plus(id.apply(value), value);
        }
        return map;
    }

    private static PMap<String, PSet<String>> sets(Map<String, List<String>> lists) {
        PMap<String, PSet<String>> map = HashTreePMap.empty();
        for (Map.Entry<String, List<String>> entry : lists.entrySet()) {
            map = map.plus(entry.getKey(), HashTreePSet.from(entry.getValue()));
        }
        return map;
    }

    private static PMap<String, PVector<String>> vectors(Map<String, List<String>> lists) {
        PMap<String, PVector<String>> map = HashTreePMap.empty();
        for (Map.Entry<String, List<String>> entry : lists.entrySet()) {
            map = map.plus(entry.getKey(), TreePVector.from(entry.getValue()));
        }
        return map;
    }

    private static Map<String, List<String>> lists(Map<String, ? extends java.util.Collection<String>> map) {
        return map.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
