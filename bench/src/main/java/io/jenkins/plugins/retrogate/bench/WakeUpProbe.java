package io.jenkins.plugins.retrogate.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * What one thread waking another costs on this machine, the price every group-commit waiter pays
 * once per write when it parks: two threads hand a turn back and forth with
 * {@link LockSupport#park()}/{@link LockSupport#unpark}, and the probe reports the wall time and the
 * process CPU per round trip (two wake-ups). Run it plain (the threads land on different cores, and
 * each wake-up reaches an idle core), and under {@code taskset -c 0} (one core: each wake-up only
 * switches threads) to see the difference that made the journal's waiters yield before they park
 * (docs/performance.md):
 * {@code java -cp bench/target/benchmarks.jar io.jenkins.plugins.retrogate.bench.WakeUpProbe [round trips]}
 */
public final class WakeUpProbe {
    private static volatile int turn;

    private WakeUpProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Thread[] players = new Thread[2];
        for (int p = 0; p < 2; p++) {
            int me = p;
            players[p] = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    while (turn != me) {
                        LockSupport.park();
                    }
                    turn = 1 - me;
                    LockSupport.unpark(players[1 - me]);
                }
            });
        }
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        for (Thread player : players) {
            player.start();
        }
        for (Thread player : players) {
            player.join();
        }
        double wall = (System.nanoTime() - start) / 1e3 / rounds;
        double cpu = (processCpuNanos() - cpu0) / 1e3 / rounds;
        System.out.printf("park/unpark round trip: %.2f µs wall, %.2f µs CPU (two wake-ups)%n", wall, cpu);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
