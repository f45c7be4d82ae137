package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.nio.file.Path;

/**
 * A second process for {@link RetroGateJarIT}: opens the store of a home (taking its lock), says
 * so on stdout, and holds it until its stdin closes.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (JournalStore store = JournalStore.open(Path.of(args[0]))) {
            System.out.println("holding " + store.directory() + " with " + store.state().sequence() + " events");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the test to let go
            }
        }
    }
}
