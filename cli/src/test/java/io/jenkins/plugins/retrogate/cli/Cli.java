package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs the tool in-process against one home, the way a user would type it, with a clock that
 * moves one second per reading (so that "after the resolution" is always true) and captured streams.
 */
final class Cli {
    static final Instant START = Instant.parse("2026-11-20T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    final Path home;
    final TickingClock clock = new TickingClock(START);
    final Map<String, String> variables = new HashMap<>();
    String stdin = "";
    /** Whether the streams pretend to be a terminal (colour then depends on NO_COLOR and TERM). */
    boolean terminal;
    /** Whether a plain gate may run without picocli's model ({@link QuickGate}), as it does for users. */
    boolean quickPaths = true;

    Cli(Path home) {
        this.home = home;
    }

    /** Runs with {@code --home} set to this home. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--home", home.toString()));
        all.addAll(List.of(args));
        return runBare(all.toArray(String[]::new));
    }

    /** Runs exactly these arguments. */
    Result runBare(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(Map.copyOf(variables), clock, "os-user",
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err), terminal);
        int code = quickPaths ? RetroGateCli.run(args, environment) : RetroGateCli.run(args, environment, new Object[0]);
        return new Result(code, out.toString(), err.toString());
    }

    /** A successful run's stdout, first line (the id commands print). */
    String id(String... args) {
        Result result = run(args);
        assertThat(result.code).as(result.err).isZero();
        return result.out.lines().findFirst().orElseThrow();
    }

    /** Every file of the home and its SHA-256, to prove that nothing changed. */
    Map<String, String> fingerprint() {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(home)) {
            return hashes;
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                hashes.put(home.relativize(file).toString(),
                        java.util.HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))));
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return hashes;
    }

    /** A story most tests start from: INC-1 on checkout-api with a blocking P0 (PAY-1) and a P1. */
    void incidentWithItems() {
        id("--actor", "alice", "rollback", "--service", "checkout-api", "--environment", "production",
                "--reason", "timeouts");
        id("item", "add", "INC-1", "--title", "Load test", "--priority", "P0", "--type", "preventative",
                "--owner", "team-pay", "--ticket", "PAY-1");
        id("item", "add", "INC-1", "--title", "Alert", "--priority", "P1", "--type", "mitigative",
                "--owner", "team-sre");
    }

    record Result(int code, String out, String err) {
        /** Stdout as exactly one JSON document (fails on anything before or after it). */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not exactly one JSON document: " + e.getMessage() + "\n" + out, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A clock that moves one second each time it is read; {@link #advance} jumps further. */
    static final class TickingClock extends Clock {
        private Instant now;

        TickingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
