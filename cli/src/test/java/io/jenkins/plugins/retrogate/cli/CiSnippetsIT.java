package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the snippets of docs/ci.md as written, against the real jar: each one with a deployment that
 * succeeds, one that fails and is rolled back, and a gate that blocks. GitHub Actions' steps and
 * GitLab's script are run the way those runners run them (each {@code run:} in {@code bash -e}, a step's
 * {@code if:} deciding whether it runs; GitLab's lines in one shell that stops at the first failure).
 */
class CiSnippetsIT {
    private static final Path JAR = Path.of(System.getProperty("retrogate.jar", "target/retro-gate.jar"))
            .toAbsolutePath();
    private static final Path DOC = Path.of(System.getProperty("basedir", "."), "..", "docs", "ci.md");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUILD = "https://ci.example.com/acme/checkout/runs/42";

    @TempDir
    Path dir;
    Path home;

    enum Story { SUCCEEDS, FAILS, BLOCKED }

    record Job(int code, String log) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"github", "gitlab", "shell"})
    void aDeploymentThatSucceedsIsRecordedAndNothingIsRolledBack(String snippet) throws Exception {
        Job job = run(snippet, Story.SUCCEEDS);

        assertThat(job.code()).as(job.log()).isZero();
        assertThat(dir.resolve("deployed.txt")).exists();
        assertThat(dir.resolve("rolled-back.txt")).doesNotExist();
        JsonNode store = export();
        assertThat(store.get("deployments")).singleElement().satisfies(deployment -> {
            assertThat(deployment.get("outcome").asText()).isEqualTo("SUCCEEDED");
            assertThat(deployment.get("gate").asText()).as("the deployment carries the gate's decision").isEqualTo("PASSED");
        });
        assertThat(store.get("incidents")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"github", "gitlab", "shell"})
    void aDeploymentThatFailsIsRolledBackAndOpensAnIncident(String snippet) throws Exception {
        Job job = run(snippet, Story.FAILS);

        assertThat(job.code()).as(job.log()).isNotZero();
        assertThat(dir.resolve("rolled-back.txt")).exists();
        JsonNode store = export();
        assertThat(store.get("deployments")).singleElement()
                .satisfies(deployment -> assertThat(deployment.get("outcome").asText()).isEqualTo("ROLLED_BACK"));
        assertThat(store.get("incidents")).singleElement()
                .satisfies(incident -> assertThat(incident.get("detection").asText()).isEqualTo("ROLLBACK"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"github", "gitlab", "shell"})
    void aBlockedGateStopsThePipelineBeforeAnythingIsDeployedOrRolledBack(String snippet) throws Exception {
        Job job = run(snippet, Story.BLOCKED);

        assertThat(job.code()).as(job.log()).isNotZero();
        assertThat(job.log()).contains("BLOCK: checkout-api → production");
        assertThat(dir.resolve("deployed.txt")).doesNotExist();
        assertThat(dir.resolve("rolled-back.txt")).doesNotExist();
        assertThat(export().get("requests")).singleElement()
                .satisfies(request -> assertThat(request.get("status").asText()).isEqualTo("PENDING"));
    }

    private Job run(String snippet, Story story) throws Exception {
        home = dir.resolve("home");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("retro-gate"), "#!/bin/sh\nexec '" + java() + "' -jar '" + JAR + "' \"$@\"\n");
        executable(dir.resolve("deploy.sh"), "#!/bin/sh\necho \"$1\" >> deployed.txt\n[ \"${DEPLOY_FAILS:-}\" != 1 ]\n");
        executable(dir.resolve("rollback.sh"), "#!/bin/sh\necho \"$1\" >> rolled-back.txt\n");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("RETRO_GATE_HOME", home.toString());
        if (story == Story.FAILS) {
            env.put("DEPLOY_FAILS", "1");
        }
        assertThat(shell(env, "retro-gate init").code()).isZero();
        if (story == Story.BLOCKED) {
            Job seeded = shell(env, "retro-gate incident open --service checkout-api --title 'Pool exhausted'"
                    + " && retro-gate item add INC-1 --title 'Load-test the pool' --priority P0 --type preventative"
                    + " --owner payments");
            assertThat(seeded.code()).as(seeded.log()).isZero();
        }
        String text = block(snippet);
        return switch (snippet) {
            case "github" -> github(text, env);
            case "gitlab" -> gitlab(text, env);
            default -> {
                env.put("BUILD_URL", BUILD);
                env.put("VERSION", "1.4.3");
                Path script = dir.resolve("pipeline.sh");
                Files.writeString(script, text, StandardCharsets.UTF_8);
                yield process(env, "sh", script.toString());
            }
        };
    }

    /** The steps of the one job, as a GitHub runner runs them. */
    private Job github(String text, Map<String, String> env) throws Exception {
        JsonNode job = YAML.readTree(text).get("jobs").elements().next();
        Map<String, String> context = Map.of("github.actor", "alice", "github.server_url", "https://ci.example.com",
                "github.repository", "acme/checkout", "github.run_id", "42");
        job.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), expand(e.getValue().asText(), context)));
        env.put("GITHUB_SHA", "0123abc");
        env.put("GITHUB_RUN_ID", "42");
        assertThat(env.get("BUILD_URL")).isEqualTo("https://ci.example.com/acme/checkout/actions/runs/42");
        StringBuilder log = new StringBuilder();
        boolean failed = false;
        Map<String, String> outcomes = new HashMap<>();
        for (JsonNode step : job.get("steps")) {
            if (step.has("uses")) {
                continue;
            }
            if (!condition(step.path("if").asText("success()"), failed, outcomes)) {
                continue;
            }
            Job ran = process(env, "bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step.get("run").asText());
            log.append("## ").append(step.path("name").asText()).append(" (exit ").append(ran.code()).append(")\n")
                    .append(ran.log());
            if (step.has("id")) {
                outcomes.put(step.get("id").asText(), ran.code() == 0 ? "success" : "failure");
            }
            failed |= ran.code() != 0;
        }
        return new Job(failed ? 1 : 0, log.toString());
    }

    /** The job's script lines in one shell that stops at the first line that fails, as GitLab's does. */
    private Job gitlab(String text, Map<String, String> env) throws Exception {
        JsonNode job = YAML.readTree(text).elements().next();
        job.path("variables").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        env.put("CI_JOB_URL", BUILD);
        env.put("CI_COMMIT_SHA", "0123abc");
        env.put("CI_JOB_ID", "42");
        StringBuilder script = new StringBuilder("set -eo pipefail\n");
        for (JsonNode line : job.get("script")) {
            script.append(line.asText()).append('\n');
        }
        return process(env, "bash", "-c", script.toString());
    }

    private static boolean condition(String expression, boolean failed, Map<String, String> outcomes) {
        boolean result = true;
        for (String term : expression.split("&&", -1)) {
            String t = term.strip();
            Matcher step = Pattern.compile("steps\\.(\\w+)\\.outcome == '(\\w+)'").matcher(t);
            if (t.equals("success()")) {
                result &= !failed;
            } else if (t.equals("failure()")) {
                result &= failed;
            } else if (step.matches()) {
                result &= step.group(2).equals(outcomes.get(step.group(1)));
            } else {
                throw new AssertionError("the test's runner does not know the condition " + t);
            }
        }
        return result;
    }

    private static String expand(String value, Map<String, String> context) {
        Matcher expression = Pattern.compile("\\$\\{\\{\\s*([\\w.]+)\\s*}}").matcher(value);
        StringBuilder result = new StringBuilder();
        while (expression.find()) {
            String name = expression.group(1);
            String replacement = name.startsWith("vars.") || name.startsWith("secrets.") ? "" : context.get(name);
            assertThat(replacement).as("a value for ${{ %s }}", name).isNotNull();
            expression.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        return expression.appendTail(result).toString();
    }

    /** The fenced block after {@code <!-- tested: name -->} in docs/ci.md. */
    private static String block(String name) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- tested: " + name + " -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(block.find()).as("a tested block '%s' in %s", name, DOC).isTrue();
        return block.group(1);
    }

    private JsonNode export() throws Exception {
        Path file = dir.resolve("export.json");
        Job exported = process(Map.of(), java(), "-jar", JAR.toString(), "--home", home.toString(), "export",
                "--out", file.toString());
        assertThat(exported.code()).as(exported.log()).isZero();
        return JSON.readTree(file.toFile());
    }

    private Job shell(Map<String, String> env, String command) throws Exception {
        return process(env, "sh", "-c", command);
    }

    private Job process(Map<String, String> env, String... command) throws Exception {
        ShellRun run = ShellRun.in(dir, env, command);
        return new Job(run.code(), run.output());
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
