package io.jenkins.plugins.retrogate.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor for a durable write on this disk: append a 300-byte line to a file and
 * {@code fdatasync} it ({@link FileChannel#force(boolean) force(false)}), nothing else. The
 * journal's single-writer figure must reach 80% of this (DESIGN §4).
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawFsyncBaseline {
    private Path dir;
    private FileChannel channel;
    private long position;
    private ByteBuffer line;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory(BenchFiles.root(), "raw-fsync-");
        channel = FileChannel.open(dir.resolve("raw.jsonl"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        byte[] bytes = ("{\"seq\":1,\"event\":\"" + "x".repeat(270) + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        line = ByteBuffer.wrap(java.util.Arrays.copyOf(bytes, 300));
        line.array()[299] = '\n';
    }

    @Benchmark
    @Threads(1)
    public long appendAndFdatasync() throws IOException {
        line.rewind();
        while (line.hasRemaining()) {
            position += channel.write(line, position);
        }
        channel.force(false);
        return position;
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        channel.close();
        BenchFiles.delete(dir);
    }
}
