package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** With --json, every command writes exactly one JSON document to stdout and nothing else. */
class JsonOutputTest {
    @TempDir
    Path dir;

    static Stream<Arguments> commands() {
        return Stream.of(
                json("/id", "rollback", "--service", "cart", "--environment", "production"),
                json("/decision", "gate", "--service", "checkout-api", "--environment", "production"),
                json("/verified", "deploy", "--service", "cart", "--environment", "prod", "--outcome", "succeeded"),
                json("/id", "incident", "open", "--service", "cart", "--title", "t"),
                json("/items", "incident", "show", "INC-1"),
                json("/0/id", "incident", "list"),
                json("/status", "incident", "update", "INC-1", "--root-cause", "x"),
                json("/id", "item", "add", "INC-1", "--title", "t", "--priority", "P2", "--type", "other", "--owner", "o"),
                json("/ticket", "item", "show", "INC-1-A1"),
                json("/status", "item", "resolve", "INC-1-A2"),
                json("/0/status", "item", "list"),
                json("/id", "override", "approve", "--service", "cart", "--environment", "prod", "--reason", "r"),
                json("/requests", "override", "list"),
                json("/services", "report"),
                json("/events", "export"),
                json("/ok", "verify"),
                json("/ok", "repair"),
                json("/policy", "policy", "show"),
                json("/error/kind", "item", "reopen", "INC-1-A1", "--reason", "x"),
                json("/error/kind", "launch"));
    }

    private static Arguments json(String pointer, String... args) {
        return Arguments.of(String.join(" ", args), pointer, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void writesExactlyOneDocument(String name, String pointer, String[] args) {
        Cli cli = new Cli(dir);
        cli.incidentWithItems();
        List<String> all = new ArrayList<>(List.of("--json"));
        all.addAll(List.of(args));

        Cli.Result result = cli.run(all.toArray(String[]::new));

        JsonNode document = result.json();
        assertThat(document.at(pointer).isMissingNode()).as(result.toString()).isFalse();
    }
}
