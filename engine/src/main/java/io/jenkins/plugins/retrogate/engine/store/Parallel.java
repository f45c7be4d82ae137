package io.jenkins.plugins.retrogate.engine.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Short-lived worker pools for start-up work that splits well (snapshot sections, event decoding). */
public final class Parallel {
    private Parallel() {
    }

    public static int threads() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    public static ExecutorService pool(String purpose) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads(), runnable -> {
            Thread thread = new Thread(runnable, "retro-gate-" + purpose + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
