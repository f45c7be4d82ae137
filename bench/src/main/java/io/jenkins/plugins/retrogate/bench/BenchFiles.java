package io.jenkins.plugins.retrogate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where benchmarks put their files: {@code -Dretrogate.bench.dir} or {@code <java.io.tmpdir>/retro-gate-bench}.
 * All benchmarks must write to the same disk for the ratios to mean anything.
 */
final class BenchFiles {
    private BenchFiles() {
    }

    static Path root() throws IOException {
        Path root = Path.of(System.getProperty("retrogate.bench.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "retro-gate-bench").toString()));
        Files.createDirectories(root);
        return root;
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the files of {@code from} into {@code to} and forces them to disk before returning: a
     * 400 MB copy left in the page cache would otherwise be written back by the kernel during the
     * measurement, competing with the forces being measured (the 1,000,000-event trials ran ~20%
     * slower that way).
     */
    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (Files.isRegularFile(file)) {
                    Path target = to.resolve(file.getFileName());
                    Files.copy(file, target);
                    try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
                        channel.force(true);
                    }
                }
            }
        }
    }
}
