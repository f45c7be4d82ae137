package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A writer process for {@link KilledWritersTest}: opens the store at {@code args[0]} as user
 * {@code args[1]} (password in {@code $RG_TEST_PASSWORD}) and opens incidents titled
 * {@code <args[2]>-<n>} one after the other, printing (and flushing) {@code ACK <id> <title>} as soon as
 * each is acknowledged, until it is killed or reads {@code STOP} on stdin, pausing {@code args[3]} milliseconds (if given) after each. After {@code STOP} it prints
 * {@code STOPPED}, reads {@code AWAIT <sequence>}, waits (at most a minute) until its fold holds that
 * many events and prints {@code STATE <sequence> <digest of the fold>}.
 */
public final class LoopingWriter {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private LoopingWriter() {
    }

    public static void main(String[] args) throws Exception {
        long pause = args.length > 3 ? Long.parseLong(args[3]) : 0;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Thread stdin = new Thread(() -> {
            try {
                in.readLine(); // STOP, or the end of stdin, ends the writing
            } catch (java.io.IOException e) {
                // the test is gone: stop too
            }
        });
        stdin.setDaemon(true);
        stdin.start();
        try (Store store = new PostgresBackend(args[0], args[1], System.getenv("RG_TEST_PASSWORD")).open()) {
            for (int i = 1; stdin.isAlive(); i++) {
                String title = args[2] + "-" + i;
                String id = store.execute(state -> {
                    String next = Ids.incident(state.counters().incidents() + 1);
                    return Change.of(next, List.of(new IncidentOpened(T0, "alice", next, title, null,
                            List.of("payments"), Detection.MANUAL, T0, null, null, null)));
                });
                out.println("ACK " + id + " " + title);
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
            out.println("STOPPED");
            String line = in.readLine();
            while (line != null && !line.startsWith("AWAIT ")) {
                line = in.readLine();
            }
            long total = line == null ? 0 : Long.parseLong(line.substring("AWAIT ".length()).strip());
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (store.state().sequence() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            out.println("STATE " + store.state().sequence() + " " + WriterProcess.digest(store.state()));
        }
    }
}
