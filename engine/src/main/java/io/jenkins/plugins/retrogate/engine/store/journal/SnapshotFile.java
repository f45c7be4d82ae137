package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A snapshot of the folded state in a file of the journal's directory, encoded as every backend
 * encodes it ({@link SnapshotFormat}); its header also says where the record it covers is in the
 * journal (segment and byte offset). Written to a temporary file, forced, renamed into place and the
 * directory forced, so a crash leaves either the old set of snapshots or the new one.
 */
final class SnapshotFile {

    private SnapshotFile() {
    }

    /** A snapshot read back: the state and where its last record is. */
    record Loaded(RetroState state, String hash, Long segment, Long offset) {
    }

    static Path write(Path dir, RetroState state, JournalStore.Mark mark) throws IOException {
        boolean placed = mark.offset() >= 0;
        byte[] bytes = SnapshotFormat.write(state, mark.hash(), placed ? mark.segment() : null,
                placed ? mark.offset() : null);
        Path target = JournalFiles.snapshot(dir, state.sequence());
        Path temp = dir.resolve(target.getFileName() + ".tmp");
        // Interrupt-safe (see Interrupts): the snapshot may be written on a caller's thread (snapshot(),
        // close()); an interrupt that closes the channel makes it write the whole temporary file again.
        Interrupts.run(() -> {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        });
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        JournalFiles.syncDirectory(dir);
        return target;
    }

    /** Reads just the header, to learn a snapshot's sequence and format cheaply. */
    static SnapshotFormat.Header header(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                throw new IOException("empty snapshot");
            }
            return SnapshotFormat.header(first);
        }
    }

    /** Reads and checks a snapshot whose header was already read, parsing its sections in parallel. */
    static Loaded read(Path file, SnapshotFormat.Header header) throws IOException {
        return read(file, header, false);
    }

    /** The same, decoding the history only when it is read when {@code historyOnDemand}. */
    static Loaded read(Path file, SnapshotFormat.Header header, boolean historyOnDemand) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            RetroState state = SnapshotFormat.read(SnapshotFormat.Source.of(channel), header, historyOnDemand);
            return new Loaded(state, header.hash(), header.segment(), header.offset());
        }
    }
}
