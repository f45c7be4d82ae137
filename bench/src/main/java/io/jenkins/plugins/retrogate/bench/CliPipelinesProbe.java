package io.jenkins.plugins.retrogate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many CI pipelines calling the CLI on one home at once, as separate processes: each pipeline runs
 * {@code gate} and then {@code deploy --outcome succeeded} for its own service (half of the services
 * are guarded by an incident with an open preventative P0, so their gate blocks and records an
 * override request — exit 3 — and the pipeline deploys nothing). Reports the wall time of the whole
 * batch, each call's time from process start to exit (p50, p90, p99, max), the exit codes, and as the
 * floor the median of {@code java -version}:
 * {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.retrogate.bench.CliPipelinesProbe cli/target/retro-gate.jar 32 64};
 * given the distribution's directory ({@code cli/target/dist/retro-gate}) instead of the jar, every call goes
 * through its launcher, as an installed tool's do, with the launcher's class-data-sharing archive made first.
 */
public final class CliPipelinesProbe {
    private CliPipelinesProbe() {
    }

    record Call(String command, int exit, long millis) {
    }

    /** The environment of every call: where the launcher keeps its archive (only used through a launcher). */
    private static final Map<String, String> ENV = new HashMap<>();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        boolean launcher = Files.isDirectory(jar);
        if (launcher) {
            ENV.put("RETRO_GATE_CDS", Files.createTempDirectory("retro-gate-pipelines-cds-").toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Long> floor = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            floor.add(run(List.of(java, "-version"), null).millis());
        }
        Collections.sort(floor);
        System.out.printf(Locale.ROOT, "floor: java -version median %d ms (5 runs)%n", floor.get(2));
        for (int a = 1; a < args.length; a++) {
            int pipelines = Integer.parseInt(args[a]);
            Path home = Files.createTempDirectory("retro-gate-pipelines-");
            List<String> base = launcher ? List.of(jar.resolve("bin/retro-gate").toString(), "--home", home.toString())
                    : List.of(java, "-jar", jar.toString(), "--home", home.toString());
            check(run(concat(base, "init"), null));
            if (launcher) {
                StartupProbe.waitForArchive(Path.of(ENV.get("RETRO_GATE_CDS")));
            }
            for (int s = 0; s < pipelines; s += 2) {
                check(run(concat(base, "--actor", "alice", "rollback", "--service", "svc-" + s, "--environment",
                        "production", "--reason", "errors"), null));
                check(run(concat(base, "item", "add", "INC-" + (s / 2 + 1), "--title", "Canary for svc-" + s,
                        "--priority", "P0", "--type", "preventative", "--owner", "team-" + s), null));
            }
            ExecutorService pool = Executors.newFixedThreadPool(pipelines);
            List<Future<List<Call>>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int p = 0; p < pipelines; p++) {
                String service = "svc-" + p;
                String build = "https://ci.example.com/job/" + service + "/1/";
                futures.add(pool.submit(() -> {
                    List<Call> calls = new ArrayList<>();
                    Call gate = run(concat(base, "--actor", "ci", "gate", "--service", service, "--environment",
                            "production", "--build-url", build), "gate");
                    calls.add(gate);
                    if (gate.exit() == 0) {
                        calls.add(run(concat(base, "--actor", "ci", "deploy", "--service", service, "--environment",
                                "production", "--build-url", build, "--version", "1.0", "--outcome", "succeeded"),
                                "deploy"));
                    }
                    return calls;
                }));
            }
            List<Call> calls = new ArrayList<>();
            for (Future<List<Call>> future : futures) {
                calls.addAll(future.get(30, TimeUnit.MINUTES));
            }
            long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            pool.shutdown();
            List<Long> times = new ArrayList<>(calls.stream().map(Call::millis).toList());
            Collections.sort(times);
            long blocked = calls.stream().filter(c -> c.command().equals("gate") && c.exit() == 3).count();
            long failed = calls.stream().filter(c -> c.exit() != 0 && !(c.command().equals("gate") && c.exit() == 3))
                    .count();
            System.out.printf(Locale.ROOT, "%d pipelines: wall %d ms, %d calls (%d gates blocked as expected, %d failed);"
                    + " per call p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", pipelines, wall, calls.size(), blocked,
                    failed, pct(times, 50), pct(times, 90), pct(times, 99), times.get(times.size() - 1));
            calls.stream().filter(c -> c.exit() != 0 && !(c.command().equals("gate") && c.exit() == 3))
                    .forEach(c -> System.out.println("  failed: " + c));
            Call verify = run(concat(base, "verify"), "verify");
            System.out.println("  verify: exit " + verify.exit());
        }
    }

    private static long pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static void check(Call call) {
        if (call.exit() != 0) {
            throw new IllegalStateException("set-up call failed: " + call);
        }
    }

    private static Call run(List<String> command, String name) throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(ENV);
        Process process = builder.start();
        int exit = process.waitFor();
        return new Call(name == null ? String.join(" ", command.subList(Math.min(3, command.size()), command.size()))
                : name, exit, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
