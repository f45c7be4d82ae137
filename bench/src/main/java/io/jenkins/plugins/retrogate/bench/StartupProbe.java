package io.jenkins.plugins.retrogate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Start-up of the installed command-line tool, side by side with {@code java -version} on the same JVM as
 * the floor (issue 17's bars are multiples of it): each command is a new process, run in turn with the
 * others (round-robin, so a busy moment hits all of them alike), medians reported. The tool runs through
 * its launcher ({@code bin/retro-gate}), with its class-data-sharing archive made before the first round.
 *
 * <pre>
 * ./mvnw -q package -DskipTests -pl engine,cli,bench -am
 * java -cp bench/target/benchmarks.jar io.jenkins.plugins.retrogate.bench.StartupProbe cli/target/dist/retro-gate [rounds]
 * </pre>
 */
public final class StartupProbe {
    private StartupProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(args[0]).toAbsolutePath();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path tool = dist.resolve("bin/retro-gate");
        Path work = Files.createTempDirectory(BenchFiles.root(), "startup-");
        Path cds = Files.createDirectories(work.resolve("cds"));
        Path small = work.resolve("small");
        Path large = Journals.copy(Journals.template(ColdStartBenchmark.ITEMS, ColdStartBenchmark.EVENTS, true), "startup-1m-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> env = Map.of("RETRO_GATE_CDS", cds.toString(), "JAVA_HOME", System.getProperty("java.home"),
                "RETRO_GATE_ACTOR", "probe");

        run(env, tool.toString(), "--home", small.toString(), "rollback", "--service", "pay", "--environment", "production",
                "--version", "1.2");
        run(env, tool.toString(), "--version");
        waitForArchive(cds);

        List<Case> cases = List.of(
                new Case("java -version (the floor)", List.of(java, "-version")),
                new Case("retro-gate --version", List.of(tool.toString(), "--version")),
                new Case("retro-gate --help", List.of(tool.toString(), "--help")),
                new Case("retro-gate gate, 3-event store (one rollback)", List.of(tool.toString(), "--home", small.toString(), "gate",
                        "--service", "pay", "--environment", "production")),
                new Case("retro-gate gate, 1,000,000-event store (from its snapshot)", List.of(tool.toString(), "--home",
                        large.toString(), "gate", "--service", Workload.service(7), "--environment", "production")));
        for (Case c : cases) {
            run(env, c.command.toArray(String[]::new)); // warm the page cache
        }
        for (int round = 0; round < rounds; round++) {
            for (Case c : cases) {
                long start = System.nanoTime();
                run(env, c.command.toArray(String[]::new));
                c.add((System.nanoTime() - start) / 1e6);
            }
        }
        double floor = cases.get(0).median();
        System.out.printf("%-60s %9s %9s %9s %8s%n", "command (" + rounds + " runs each)", "median", "min", "max",
                "× floor");
        for (Case c : cases) {
            System.out.printf("%-60s %6.1f ms %6.1f ms %6.1f ms %7.2f×%n", c.name, c.median(), c.min(), c.max(),
                    c.median() / floor);
        }
        BenchFiles.delete(work);
        BenchFiles.delete(large);
    }

    /** Waits until the launcher has made its class-data-sharing archive in {@code cds}. */
    static void waitForArchive(Path cds) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (var files = Files.list(cds)) {
                if (files.anyMatch(f -> String.valueOf(f.getFileName()).endsWith(".jsa"))) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the launcher made no class-data-sharing archive in " + cds);
    }

    private static void run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        int code = builder.start().waitFor();
        if (code != 0 && code != 3) { // 3: the gate blocked, an answer like any other
            throw new IllegalStateException(Arrays.toString(command) + " exited with " + code);
        }
    }

    private static final class Case {
        final String name;
        final List<String> command;
        final List<Double> millis = new ArrayList<>();

        Case(String name, List<String> command) {
            this.name = name;
            this.command = command;
        }

        void add(double ms) {
            millis.add(ms);
        }

        double median() {
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        }

        double min() {
            return millis.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        }

        double max() {
            return millis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }
    }
}
