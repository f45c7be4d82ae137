package io.jenkins.plugins.retrogate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file the user named with {@code --out}: whole or not at all (a temporary file, then a rename). */
final class OutputFile {
    private OutputFile() {
    }

    static void write(Path file, String text) {
        Path target = file.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BadInputException("--out '" + file + "' is not in an existing directory");
        }
        if (Files.isDirectory(target)) {
            throw new BadInputException("--out '" + file + "' is a directory; name a file");
        }
        try {
            Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new BadInputException("--out '" + file + "' cannot be written: " + e.getMessage());
        }
    }
}
