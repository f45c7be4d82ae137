package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.config.PolicyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The effective policy of a home: {@code <home>/policy.yaml} when it exists, else the design's defaults. */
final class Policies {
    static final String FILE = "policy.yaml";

    /** Made on first use: a home without YAML files (the usual small one) never pays for its set-up. */
    static YAMLMapper yaml() {
        return Yaml.MAPPER;
    }

    private static final class Yaml {
        static final YAMLMapper MAPPER = new YAMLMapper();
    }

    private Policies() {
    }

    static Path file(Path home) {
        return home.resolve(FILE);
    }

    static GatePolicy load(Path home) {
        Path file = file(home);
        if (!Files.isRegularFile(file)) {
            return GatePolicy.defaults();
        }
        JsonNode tree;
        try {
            tree = yaml().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " is not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return PolicyFile.read(tree);
        } catch (InvalidInputException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        }
    }
}
