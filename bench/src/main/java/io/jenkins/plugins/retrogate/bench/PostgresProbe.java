package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.policy.GateEvaluator;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.postgres.PostgresBackend;
import io.jenkins.plugins.retrogate.engine.store.postgres.PostgresOptions;
import io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PostgreSQL backend against its bars (DESIGN §4, issue 15), on an embedded PostgreSQL server the
 * probe starts itself (data under the bench directory, kept between runs so the 1,000,000-event
 * database is built once; {@code synchronous_commit=on}, so every command is durable):
 * <ol>
 *   <li>{@code start}: a new controller (a new JVM) opens the 1,000,000-event store and decides its first
 *       gate, with the snapshot and without it (the snapshots table renamed aside);</li>
 *   <li>{@code writes}: durable commands/s from 1, 4 and 16 threads in one process and from 4 processes;</li>
 *   <li>{@code propagation}: from a command acknowledged on store A until store B, in another JVM, holds it.</li>
 * </ol>
 * Run: {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.retrogate.bench.PostgresProbe [start|writes|propagation|all]}
 */
public final class PostgresProbe {
    private static final int MILLION = 1_000_000;
    private static final int BIG_ITEMS = 100_000;

    private PostgresProbe() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        switch (mode) {
            case "start-child" -> startChild(args[1]);
            case "parts-child" -> startParts(args[1]);
            case "write-child" -> writeChild(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    Long.parseLong(args[4]));
            case "follow-child" -> followChild(args[1], Long.parseLong(args[2]));
            default -> {
                try (EmbeddedPostgres server = server()) {
                    if (mode.equals("start") || mode.equals("all")) {
                        start(server);
                    }
                    if (mode.equals("writes") || mode.equals("all")) {
                        writes(server);
                    }
                    if (mode.equals("propagation") || mode.equals("all")) {
                        propagation(server);
                    }
                }
            }
        }
    }

    private static EmbeddedPostgres server() throws IOException {
        Path data = BenchFiles.root().resolve("postgres-data");
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
    }

    private static String url(EmbeddedPostgres server, String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    private static Store open(String url, PostgresOptions options) {
        return new PostgresBackend(url, "postgres", null, options).open();
    }

    /** Runs SQL as the superuser; with {@code database} null, in the server's maintenance database. */
    private static long sql(EmbeddedPostgres server, String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(server, database == null ? "postgres"
                : database), "postgres", null); Statement statement = connection.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet result = statement.getResultSet()) {
                    return result.next() ? result.getLong(1) : 0;
                }
            }
            return 0;
        }
    }

    /** Creates {@code database} unless it is there; whether it was created. */
    private static boolean create(EmbeddedPostgres server, String database) throws SQLException {
        if (sql(server, null, "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'") > 0) {
            return false;
        }
        sql(server, null, "CREATE DATABASE " + database);
        return true;
    }

    /**
     * The workload database of {@code total} events, recorded through the store itself (10,000 events a
     * transaction, batched inserts), so every row is what the store writes; with a snapshot at its end.
     */
    private static String workload(EmbeddedPostgres server, String database, int items, long total)
            throws SQLException {
        String url = url(server, database);
        boolean fresh = create(server, database);
        if (!fresh && complete(server, database, total)) {
            return url;
        }
        if (!fresh) {
            sql(server, null, "DROP DATABASE " + database);
            sql(server, null, "CREATE DATABASE " + database);
        }
        long started = System.nanoTime();
        try (Store store = open(url + "?reWriteBatchedInserts=true",
                PostgresOptions.defaults().withSnapshotEvery(total))) {
            List<Event> batch = new ArrayList<>(10_000);
            Workload.events(items, total, event -> {
                batch.add(event);
                if (batch.size() == 10_000) {
                    List<Event> events = List.copyOf(batch);
                    store.execute(state -> Change.of(null, events));
                    batch.clear();
                }
            });
            if (!batch.isEmpty()) {
                List<Event> events = List.copyOf(batch);
                store.execute(state -> Change.of(null, events));
            }
        } // closing waits for the snapshot at the end
        System.out.printf("# built %s: %d events, %d snapshot(s) in %.1f s%n", database,
                sql(server, database, "SELECT max(seq) FROM events"),
                sql(server, database, "SELECT count(*) FROM snapshots"), (System.nanoTime() - started) / 1e9);
        return url;
    }

    /** Whether an earlier run built {@code database} to the end (a run stopped half-way left it incomplete). */
    private static boolean complete(EmbeddedPostgres server, String database, long total) {
        try {
            // a snapshot in an older format would measure the reader of that format: build again
            return sql(server, database, "SELECT coalesce(max(seq), 0) FROM events") == total
                    && sql(server, database, "SELECT count(*) FROM snapshots WHERE position('{\"format\":"
                            + SnapshotFormat.FORMAT + ",' IN convert_from(substring(data FROM 1 FOR 20), 'UTF8')) = 1")
                            > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    // (a) start-up of a new controller

    private static void start(EmbeddedPostgres server) throws Exception {
        String url = workload(server, "rg_million", BIG_ITEMS, MILLION);
        System.out.printf("# snapshot: %.1f MB%n", sql(server, "rg_million",
                "SELECT octet_length(data) FROM snapshots ORDER BY seq DESC LIMIT 1") / 1e6);
        child(List.of("parts-child", url)).forEach(System.out::println);
        boolean replay = !"snapshot-only".equals(System.getProperty("probe.start"));
        for (boolean snapshot : replay ? new boolean[] {true, false} : new boolean[] {true}) {
            if (!snapshot) {
                sql(server, "rg_million", "ALTER TABLE snapshots RENAME TO snapshots_aside");
            }
            try {
                for (int trial = 1; trial <= 3; trial++) {
                    long started = System.nanoTime();
                    List<String> out = child(List.of("start-child", url));
                    System.out.printf("start %s trial %d: %s; JVM wall %.0f ms%n", snapshot ? "from snapshot"
                            : "full replay", trial, String.join("; ", out), (System.nanoTime() - started) / 1e6);
                }
            } finally {
                if (!snapshot) {
                    sql(server, "rg_million", "ALTER TABLE snapshots_aside RENAME TO snapshots");
                }
            }
        }
    }

    /**
     * In a new JVM: open the store and decide a gate (a controller starting); then 200,000 more
     * decisions on the state read from it; then the same start again in this now warm JVM.
     */
    private static void startChild(String url) {
        GatePolicy policy = GatePolicy.builder().build();
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        for (String jvm : new String[] {"cold JVM", "warm JVM"}) {
            long started = System.nanoTime();
            try (Store store = open(url, PostgresOptions.defaults())) {
                long opened = System.nanoTime();
                GateEvaluator.evaluate(store.state(), policy, request(0, at));
                long gated = System.nanoTime();
                System.out.printf("%s: open %.0f ms, open + first gate %.0f ms (%d events)%n", jvm,
                        (opened - started) / 1e6, (gated - started) / 1e6, store.state().sequence());
                if (jvm.equals("cold JVM")) {
                    GateRequest[] requests = new GateRequest[4096];
                    for (int i = 0; i < requests.length; i++) {
                        requests[i] = request(i, at);
                    }
                    long[] nanos = new long[200_000];
                    for (int i = 0; i < nanos.length; i++) {
                        GateRequest request = requests[i & 4095];
                        long t0 = System.nanoTime();
                        GateEvaluator.evaluate(store.state(), policy, request);
                        nanos[i] = System.nanoTime() - t0;
                    }
                    Arrays.sort(nanos, 100_000, nanos.length); // the second half, after warm-up
                    System.out.printf("gate decisions on this store (second 100,000): p50 %.2f µs, p99 %.2f µs%n",
                            nanos[150_000] / 1e3, nanos[100_000 + 99_000] / 1e3);
                }
            }
        }
    }

    /**
     * Where a start from the snapshot spends its time, each part alone in this (warm) JVM: fetching the
     * newest snapshot's bytes, their SHA-256, decoding them.
     */
    private static void startParts(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", null)) {
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                    "SELECT pg_column_compression(data), octet_length(data), pg_column_size(data) FROM snapshots"
                            + " ORDER BY seq DESC LIMIT 1")) {
                rows.next();
                System.out.printf("snapshot value: compression %s, %.1f MB, %.1f MB stored%n", rows.getString(1),
                        rows.getLong(2) / 1e6, rows.getLong(3) / 1e6);
            }
            for (int trial = 1; trial <= 3; trial++) {
                long t0 = System.nanoTime();
                byte[] stored;
                try (java.sql.PreparedStatement select = connection.prepareStatement(
                        "SELECT data FROM snapshots ORDER BY seq DESC LIMIT 1")) {
                    select.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        stored = rows.getBytes(1);
                    }
                }
                long t1 = System.nanoTime();
                String sum = java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(stored)).substring(0, 12);
                long t2 = System.nanoTime();
                io.jenkins.plugins.retrogate.engine.store.snapshot.SnapshotFormat.read(stored);
                long t3 = System.nanoTime();
                System.out.printf("parts, trial %d: fetch %.0f ms (%.1f MB), SHA-256 %.0f ms (%s…), decode %.0f ms%n",
                        trial, (t1 - t0) / 1e6, stored.length / 1e6, (t2 - t1) / 1e6, sum, (t3 - t2) / 1e6);
            }
        }
    }

    private static GateRequest request(int i, Instant at) {
        return GateRequest.of(Workload.service(i * 7919), "production", null,
                "https://ci.example.com/job/deploy/" + i + "/", "alice", List.of(), null, at);
    }

    // (b) durable commands per second

    private static final int WRITE_SECONDS = 5;

    private static void writes(EmbeddedPostgres server) throws Exception {
        String url = workload(server, "rg_writes", 200, 1_000);
        for (int threads : new int[] {1, 4, 16}) {
            sql(server, "rg_writes", "CHECKPOINT"); // no phase pays for flushing the one before it
            try (Store store = open(url, PostgresOptions.defaults())) {
                long count = write(store, threads, System.nanoTime() + 2_000_000_000L, WRITE_SECONDS);
                System.out.printf("writes: 1 process, %d thread(s): %.0f commands/s%n", threads,
                        count / (double) WRITE_SECONDS);
            }
        }
        for (int threads : new int[] {1, 4, 16}) {
            sql(server, "rg_writes", "CHECKPOINT");
            long before = sql(server, "rg_writes", "SELECT max(seq) FROM events");
            long begin = System.nanoTime() + 8_000_000_000L; // every child has opened its store by then
            List<Process> children = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                children.add(launch(List.of("write-child", url, Integer.toString(threads), Long.toString(begin),
                        Integer.toString(WRITE_SECONDS))));
            }
            long total = 0;
            List<Long> each = new ArrayList<>();
            for (Process child : children) {
                List<String> out = output(child);
                each.add(Long.parseLong(out.get(out.size() - 1).trim()));
                total += each.get(each.size() - 1);
            }
            // recorded_at is the transaction's start: one value per transaction, so the batches show
            long transactions = sql(server, "rg_writes", "SELECT count(DISTINCT recorded_at) FROM events WHERE seq > "
                    + before);
            long rows = sql(server, "rg_writes", "SELECT count(*) FROM events WHERE seq > " + before);
            System.out.printf("writes: 4 processes, %d thread(s) each: %.0f commands/s (by process: %s; whole run: %d"
                    + " commands in %d transactions, %.1f per transaction)%n", threads, total / (double) WRITE_SECONDS,
                    each, rows, transactions, rows / (double) Math.max(1, transactions));
        }
    }

    private static void writeChild(String url, int threads, long begin, long seconds) throws Exception {
        try (Store store = open(url, PostgresOptions.defaults())) {
            System.out.println(write(store, threads, begin, seconds));
        }
    }

    /** Commands (an incident edit each) from {@code threads} threads; how many were acknowledged in the window. */
    private static long write(Store store, int threads, long begin, long seconds) throws InterruptedException {
        int incidents = store.state().incidents().size();
        long end = begin + seconds * 1_000_000_000L;
        AtomicLong counted = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(() -> {
                while (!stop.get()) {
                    String id = "INC-" + (1 + ThreadLocalRandom.current().nextInt(incidents));
                    IncidentDetailsChanged event = new IncidentDetailsChanged(Instant.now(), "alice", id,
                            "Checkout latency regression after 2.14", Severity.SEV2, null, "pool exhausted");
                    store.execute(state -> Change.of(null, List.of(event)));
                    long now = System.nanoTime();
                    if (now >= begin && now < end) {
                        counted.incrementAndGet();
                    }
                }
            });
            writers.add(writer);
            writer.start();
        }
        while (System.nanoTime() < end) {
            Thread.sleep(50);
        }
        stop.set(true);
        for (Thread writer : writers) {
            writer.join();
        }
        return counted.get();
    }

    // (c) propagation from one store to another process's

    private static final int PROPAGATED = 500;

    private static void propagation(EmbeddedPostgres server) throws Exception {
        String url = workload(server, "rg_propagation", 200, 1_000);
        try (Store writer = open(url, PostgresOptions.defaults())) {
            long from = writer.state().sequence();
            Process follower = launch(List.of("follow-child", url, Long.toString(from + PROPAGATED)));
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(follower.getInputStream(),
                    StandardCharsets.UTF_8))) {
                followed(writer, follower, lines);
            }
        }
    }

    /** Records commands on {@code writer} while {@code follower} reports when it holds them; prints the delays. */
    private static void followed(Store writer, Process follower, BufferedReader lines) throws Exception {
        String ready = lines.readLine();
        if (!"ready".equals(ready)) {
            throw new IllegalStateException("the follower did not start: " + ready);
        }
        Map<Long, Long> acknowledged = new HashMap<>();
        for (int i = 0; i < PROPAGATED; i++) {
            String id = "INC-" + (1 + i % 40);
            IncidentDetailsChanged event = new IncidentDetailsChanged(Instant.now(), "alice", id,
                    "propagation " + i, Severity.SEV3, null, null);
            long seq = writer.execute(state -> Change.of(state.sequence() + 1, List.of(event)));
            acknowledged.put(seq, System.nanoTime());
            Thread.sleep(10 + ThreadLocalRandom.current().nextInt(20));
        }
        List<Double> millis = new ArrayList<>();
        int early = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String[] parts = line.trim().split(" ", -1);
            if (parts.length != 2) {
                continue;
            }
            Long ack = acknowledged.get(Long.parseLong(parts[0]));
            if (ack != null) {
                long nanos = Long.parseLong(parts[1]) - ack;
                early += nanos < 0 ? 1 : 0;
                millis.add(Math.max(0, nanos) / 1e6);
            }
        }
        follower.waitFor();
        millis.sort(null);
        System.out.printf("propagation over %d commands: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d seen by B"
                + " before A's execute returned)%n", millis.size(), millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.99) - 1), millis.get(millis.size() - 1), early);
    }

    /** In a new JVM: follow the store read-only, printing each new sequence it holds and when (System.nanoTime). */
    private static void followChild(String url, long until) throws InterruptedException {
        try (Store store = new PostgresBackend(url, "postgres", null).openReadOnly()) {
            Thread.sleep(500); // listening
            System.out.println("ready");
            System.out.flush();
            long seen = store.state().sequence();
            long deadline = System.nanoTime() + 120_000_000_000L;
            StringBuilder out = new StringBuilder();
            while (seen < until && System.nanoTime() < deadline) {
                RetroState state = store.state();
                if (state.sequence() != seen) {
                    long now = System.nanoTime();
                    for (long s = seen + 1; s <= state.sequence(); s++) {
                        out.append(s).append(' ').append(now).append('\n');
                    }
                    seen = state.sequence();
                }
                Thread.sleep(0, 200_000); // a 0.2 ms poll of the in-memory state
            }
            System.out.print(out);
        }
    }

    // child JVMs

    private static Process launch(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                "-Dretrogate.bench.dir=" + BenchFiles.root(), PostgresProbe.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> output(Process process) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException("a child JVM failed: " + lines);
        }
        return lines;
    }

    private static List<String> child(List<String> args) throws IOException, InterruptedException {
        return output(launch(args));
    }
}
