package io.jenkins.plugins.retrogate.engine.store.postgres;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A separate writer process for {@link SeparateWritersTest}: opens the store at {@code args[0]} as
 * user {@code args[1]} (password in {@code $RG_TEST_PASSWORD}), opens {@code args[3]} incidents titled
 * {@code <args[2]>-<n>}, printing {@code ACK <id> <title>} once each is acknowledged, then waits until
 * the store holds {@code args[4]} events and prints {@code STATE <sequence> <digest of the fold>}.
 */
public final class WriterProcess {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    private WriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int count = Integer.parseInt(args[3]);
        long total = Long.parseLong(args[4]);
        try (Store store = new PostgresBackend(args[0], args[1], System.getenv("RG_TEST_PASSWORD")).open()) {
            for (int i = 1; i <= count; i++) {
                String title = args[2] + "-" + i;
                String id = store.execute(state -> {
                    String next = Ids.incident(state.counters().incidents() + 1);
                    return Change.of(next, List.of(new IncidentOpened(T0, "alice", next, title, null,
                            List.of("payments"), Detection.MANUAL, T0, null, null, null)));
                });
                out.println("ACK " + id + " " + title);
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (store.state().sequence() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            out.println("STATE " + store.state().sequence() + " " + digest(store.state()));
        }
    }

    /** A digest of what the fold holds: every incident's id and title, in id order. */
    static String digest(RetroState state) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Map<String, Incident> sorted = new TreeMap<>(state.incidents());
        sorted.forEach((id, incident) -> sha.update((id + "=" + incident.title() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}
