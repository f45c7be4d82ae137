package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.store.Change;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The child process of {@link CrashRecoveryTest}: opens the store (recovering it), then appends
 * from four threads as fast as it can and prints {@code ACK <seq> <incident id>} for every event
 * once {@code execute} returned, until it is killed.
 */
public final class CrashingWriter {
    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, "UTF-8");
        JournalOptions options = JournalOptions.defaults().withSegmentBytes(64 * 1024).withSnapshotEvery(700)
                .withSnapshotOnCloseAfter(0);
        JournalStore store = JournalStore.open(Path.of(args[0]), options);
        synchronized (out) {
            out.println("READY " + store.state().sequence());
            out.flush();
        }
        Runnable writer = () -> {
            while (true) {
                String[] id = new String[1];
                long seq = store.execute(state -> {
                    id[0] = "INC-" + (state.counters().incidents() + 1);
                    IncidentOpened event = new IncidentOpened(Instant.now(), "crash-test", id[0],
                            "Crash test incident " + id[0], null, List.of("svc-" + (state.sequence() % 5)),
                            Detection.MANUAL, Instant.now(), null, null, null);
                    return Change.of(state.sequence() + 1, List.of(event));
                });
                synchronized (out) {
                    out.println("ACK " + seq + " " + id[0]);
                    out.flush();
                }
            }
        };
        for (int i = 0; i < 4; i++) {
            Thread thread = new Thread(writer, "writer-" + i);
            thread.start();
        }
        Thread.currentThread().join();
    }
}
