package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar, run as separate processes: {@code java -jar cli/target/retro-gate.jar …}, the way
 * a CI system or an operator runs it. Runs in the {@code verify} phase, after the jar is built.
 */
class RetroGateJarIT {
    private static final Path JAR = Path.of(System.getProperty("retrogate.jar", "target/retro-gate.jar"));
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void demoRunsFromTheJar() throws Exception {
        Run run = jar(Map.of(), "demo");

        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("rollback", "(exit 3)", "Four eyes", "OVERRIDDEN", "Verified INC-1-A1",
                "Retro Gate report");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theWholeFlowAcrossProcessesWithEveryExitCode() throws Exception {
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of("RETRO_GATE_HOME", home.toString(), "RETRO_GATE_ACTOR", "alice");

        Run rollback = jar(env, "rollback", "--service", "checkout-api", "--environment", "production",
                "--reason", "timeouts");
        assertThat(rollback.code()).as(rollback.toString()).isZero();
        assertThat(rollback.out().lines().findFirst()).contains("INC-1");
        assertThat(jar(env, "item", "add", "INC-1", "--title", "Load test", "--priority", "P0", "--type",
                "preventative", "--owner", "team-pay", "--ticket", "PAY-1").out()).startsWith("INC-1-A1");

        Run blocked = jar(env, "--json", "gate", "--service", "checkout-api", "--environment", "production");
        assertThat(blocked.code()).isEqualTo(3);
        assertThat(blocked.json().get("decision").asText()).isEqualTo("BLOCK");

        List<String> before = fingerprint(home);
        Run bad = jar(env, "item", "add", "INC-1", "--title", "x", "--priority", "P9", "--type", "other", "--owner", "o");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--priority 'P9' is not one of P0, P1, P2");
        Run self = jar(env, "override", "approve", "--service", "checkout-api", "--environment", "production",
                "--reason", "mine");
        assertThat(self.code()).isEqualTo(4);
        assertThat(fingerprint(home)).isEqualTo(before);

        assertThat(jar(env, "--actor", "bob", "override", "approve", "--service", "checkout-api", "--environment",
                "production", "--reason", "hotfix", "--for", "1h").code()).isZero();
        Run overridden = jar(env, "--json", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", "https://ci/job/deploy/9/");
        assertThat(overridden.code()).isZero();
        assertThat(overridden.json().get("decision").asText()).isEqualTo("OVERRIDDEN");

        Run fix = jar(env, "--json", "deploy", "--service", "checkout-api", "--environment", "production",
                "--outcome", "succeeded", "--change-ticket", "PAY-1", "--build-url", "https://ci/job/deploy/9/");
        assertThat(fix.code()).as(fix.toString()).isZero();
        assertThat(fix.json().get("verified").get(0).asText()).isEqualTo("INC-1-A1");
        assertThat(fix.json().at("/deployment/decision").asText()).isEqualTo("OVERRIDDEN");

        Run bypass = jar(env, "deploy", "--service", "checkout-api", "--environment", "production",
                "--outcome", "succeeded");
        assertThat(bypass.code()).as(bypass.toString()).isEqualTo(3);
        assertThat(bypass.out()).contains("BYPASS");

        Path html = dir.resolve("report.html");
        assertThat(jar(env, "report", "--format", "html", "--out", html.toString()).code()).isZero();
        assertThat(Files.readString(html)).contains("<svg", "checkout-api");
        assertThat(jar(env, "verify").code()).isZero();
    }

    @Test
    void trackerSyncFromTheJarTakesTheTokenFromTheEnvironmentAndNeverPrintsIt() throws Exception {
        Path home = dir.resolve("home");
        String token = "jar-t0ken-5ecret";
        try (FakeJira jira = new FakeJira()) {
            Map<String, String> env = Map.of("RETRO_GATE_HOME", home.toString(), "RETRO_GATE_TRACKER_TOKEN", token);
            assertThat(jar(env, "rollback", "--service", "cart", "--environment", "production").code()).isZero();
            assertThat(jar(env, "item", "add", "INC-1", "--title", "t", "--priority", "P0", "--type", "preventative",
                    "--owner", "team", "--ticket", "PAY-7").code()).isZero();
            Files.writeString(home.resolve("tracker.yaml"), "kind: jira-cloud\nurl: " + jira.url()
                    + "\nproject: PAY\nuser: ops@acme.com\nattempts: 1\n");
            jira.ticket("PAY-7", "Done", "done", "Done", "2026-11-20T09:30:00.000+0000");
            jira.failWith = 401;

            Run refused = jar(env, "tracker", "sync");
            jira.failWith = 0;
            Run synced = jar(env, "--json", "tracker", "sync");

            assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.out() + refused.err()).contains("refused the credentials").doesNotContain(token);
            assertThat(synced.code()).as(synced.toString()).isZero();
            assertThat(synced.json().get("resolved").get(0).asText()).isEqualTo("INC-1-A1");
            assertThat(Files.readString(home.resolve("tracker-sync.json"))).doesNotContain(token);
            assertThat(jar(Map.of("RETRO_GATE_HOME", home.toString()), "tracker", "status").out()).contains("OK");
        }
    }

    @Test
    void aSecondProcessWaitsItsTurnAndGivesUpClearlyWhenTheWaitIsOver() throws Exception {
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of("RETRO_GATE_HOME", home.toString());
        assertThat(jar(env, "incident", "open", "--service", "cart", "--title", "t").code()).isZero();

        Process holder = new ProcessBuilder(java(), "-cp", JAR + File.pathSeparator + testClasses(),
                LockHolder.class.getName(), home.toString()).redirectErrorStream(true).start();
        Process waiting;
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = reader.readLine();
            while (line != null && !line.startsWith("holding")) {
                line = reader.readLine(); // a log line of the journal, if any
            }
            assertThat(line).startsWith("holding");
            List<String> before = fingerprint(home);

            Run bounded = jar(env, "--json", "--lock-wait", "1s", "incident", "open", "--service", "cart", "--title", "u");

            assertThat(bounded.code()).as(bounded.toString()).isEqualTo(5);
            assertThat(bounded.err()).contains("in use by another process", "waited 1 s", "pid " + holder.pid());
            assertThat(bounded.json().at("/error/kind").asText()).isEqualTo("store-locked");
            assertThat(fingerprint(home)).isEqualTo(before);

            waiting = start(env, "incident", "open", "--service", "cart", "--title", "waited for its turn");
            assertThat(waiting.waitFor(1, TimeUnit.SECONDS)).as("waits while the store is held").isFalse();
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        Run waited = finish(waiting);
        assertThat(waited.code()).as(waited.toString()).isZero();
        assertThat(jar(env, "verify").code()).isZero();
        assertThat(jar(env, "--json", "incident", "list").json()).hasSize(2);
    }

    @Test
    void pipelinesRunningGateAndDeployAtOnceAllSucceedAndNothingIsLost() throws Exception {
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of("RETRO_GATE_HOME", home.toString());
        assertThat(jar(env, "init").code()).isZero();
        int pipelines = 8;
        List<java.util.concurrent.CompletableFuture<List<Run>>> runs = new ArrayList<>();
        for (int i = 0; i < pipelines; i++) {
            String service = "svc-" + i;
            String build = "https://ci.acme.com/job/" + service + "/1/";
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    Run gate = jar(env, "gate", "--service", service, "--environment", "production", "--build-url", build);
                    Run deploy = jar(env, "deploy", "--service", service, "--environment", "production",
                            "--build-url", build, "--version", "1.0." + service.length(), "--outcome", "succeeded");
                    return List.of(gate, deploy);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var pipeline : runs) {
            for (Run run : pipeline.get(5, TimeUnit.MINUTES)) {
                assertThat(run.code()).as(run.toString()).isZero();
            }
        }
        assertThat(jar(env, "verify").code()).isZero();
        JsonNode report = jar(env, "--json", "report").json();
        assertThat(report.toString()).contains("svc-0", "svc-7");
    }

    @Test
    void aCorruptedJournalIsExitFiveAndVerifyNamesTheFile() throws Exception {
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of("RETRO_GATE_HOME", home.toString());
        jar(env, "incident", "open", "--service", "cart", "--title", "one");
        jar(env, "incident", "open", "--service", "cart", "--title", "two");
        Path segment;
        try (var files = Files.list(home)) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[10] = (byte) (bytes[10] ^ 0x20);
        Files.write(segment, bytes);

        Run list = jar(env, "incident", "list");
        Run verify = jar(env, "verify");

        assertThat(list.code()).as(list.toString()).isEqualTo(5);
        assertThat(verify.code()).isEqualTo(5);
        assertThat(verify.out()).contains(segment.getFileName().toString());
    }

    private Run jar(Map<String, String> env, String... args) throws Exception {
        return finish(start(env, args));
    }

    private Process start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("RETRO_GATE_HOME");
        builder.environment().remove("RETRO_GATE_ACTOR");
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Run finish(Process process) throws Exception {
        var out = process.getInputStream();
        var err = process.getErrorStream();
        var outText = new java.util.concurrent.CompletableFuture<String>();
        var errText = new java.util.concurrent.CompletableFuture<String>();
        new Thread(() -> outText.complete(read(out))).start();
        new Thread(() -> errText.complete(read(err))).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish within 60 s");
        }
        return new Run(process.exitValue(), outText.get(10, TimeUnit.SECONDS), errText.get(10, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClasses() throws Exception {
        return Path.of(LockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static List<String> fingerprint(Path home) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (var files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                var digest = java.security.MessageDigest.getInstance("SHA-256");
                hashes.add(home.relativize(file) + " " + java.util.HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))));
            }
        }
        return hashes;
    }
}
