package io.jenkins.plugins.retrogate.engine.store.journal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Another process for {@link LockWaitTest}: opens the store given as the first argument (read-only
 * when the second is {@code read}), says {@code open}, and closes it when a line arrives on stdin; says
 * {@code refused <reason>} when it cannot open it.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        JournalOptions options = JournalOptions.defaults();
        if (args.length > 1 && args[1].equals("read")) {
            options = options.asReadOnly();
        }
        try (JournalStore store = JournalStore.open(Path.of(args[0]), options)) {
            System.out.println("open " + store.state().sequence());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (io.jenkins.plugins.retrogate.engine.store.StoreException e) {
            System.out.println("refused " + e.reason());
        }
    }
}
