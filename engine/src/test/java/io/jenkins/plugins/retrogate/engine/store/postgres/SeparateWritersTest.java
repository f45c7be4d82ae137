package io.jenkins.plugins.retrogate.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Three writer JVMs (not threads) on one database: every command a process saw acknowledged is in the
 * table exactly once, no id was handed out twice, and every process's fold ends up the same.
 */
class SeparateWritersTest {
    private static final int WRITERS = 3;
    private static final int EACH = 30;

    @Test
    void threeWriterProcessesLoseNothingDuplicateNothingAndFoldToTheSameState() throws Exception {
        String url = PostgresFixture.newDatabase();
        List<Process> processes = new ArrayList<>();
        for (int w = 1; w <= WRITERS; w++) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), WriterProcess.class.getName(), url,
                    PostgresFixture.USER, "w" + w, Integer.toString(EACH), Integer.toString(WRITERS * EACH));
            builder.environment().put("RG_TEST_PASSWORD", PostgresFixture.PASSWORD);
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            processes.add(builder.start());
        }
        Map<String, String> acknowledged = new HashMap<>();
        Set<String> states = new HashSet<>();
        for (Process process : processes) {
            List<String> lines = output(process);
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
            for (String line : lines) {
                String[] parts = line.split(" ", -1);
                if (parts[0].equals("ACK")) {
                    assertThat(acknowledged.put(parts[1], parts[2])).as("id %s handed out twice", parts[1]).isNull();
                } else if (parts[0].equals("STATE")) {
                    states.add(parts[1] + " " + parts[2]);
                }
            }
        }

        assertThat(acknowledged).hasSize(WRITERS * EACH);
        try (Store store = PostgresFixture.backend(url).openReadOnly()) {
            assertThat(store.state().sequence()).isEqualTo(WRITERS * EACH);
            Map<String, String> recorded = new HashMap<>();
            store.state().incidents().forEach((id, incident) -> recorded.put(id, incident.title()));
            assertThat(recorded).isEqualTo(acknowledged);
            assertThat(store.state().incidents().values().stream().map(Incident::title).distinct())
                    .hasSize(WRITERS * EACH);
            assertThat(states).as("every process folded to the same state")
                    .containsExactly(WRITERS * EACH + " " + WriterProcess.digest(store.state()));
        }
        assertThat(PostgresFixture.backend(url).verify().ok()).isTrue();
    }

    private static List<String> output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
}
