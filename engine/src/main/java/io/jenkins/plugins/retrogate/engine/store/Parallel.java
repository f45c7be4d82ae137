package io.jenkins.plugins.retrogate.engine.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Short-lived worker pools for start-up work that splits well (snapshot sections, event decoding). */
public final class Parallel {
    private Parallel() {
    }

    public static int threads() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A pool for work that goes on after the call that started it has returned (a snapshot's history
     * decoded in the background): its daemon threads end a second after the last task, so nobody
     * has to shut it down.
     */
    public static ExecutorService background(String purpose) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads(), threads(), 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "retro-gate-" + purpose + "-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
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
