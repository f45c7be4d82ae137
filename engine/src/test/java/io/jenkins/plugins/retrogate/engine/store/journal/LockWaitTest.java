package io.jenkins.plugins.retrogate.engine.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes take turns on one store: a second writer waits for the first (bounded), readers share
 * the store with each other but not with a writer. The other process is a real one ({@link LockHolder}).
 */
class LockWaitTest {
    @TempDir
    Path dir;
    private Process other;

    @BeforeEach
    void store() {
        try (JournalStore store = JournalStore.open(dir)) {
            new Story(store).rollback("payments");
        }
    }

    @AfterEach
    void stopOther() {
        if (other != null) {
            other.destroyForcibly();
        }
    }

    @Test
    void aSecondWriterWaitsForTheFirstProcessAndThenSeesItsEvents() throws Exception {
        holdInAnotherProcess("write");
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
            try (JournalStore store = JournalStore.open(dir, JournalOptions.defaults().withLockWait(Duration.ofMinutes(1)))) {
                new Story(store).rollback("search");
                return store.state().sequence();
            }
        });
        Thread.sleep(300);
        assertThat(waiting).as("still waiting while the other process holds the store").isNotDone();
        release();
        assertThat(waiting.get(1, TimeUnit.MINUTES)).isGreaterThan(1);
    }

    @Test
    void theLockFileNamesThisProcessAsItKnowsItself() throws Exception {
        DirectoryLock lock = DirectoryLock.acquire(dir);
        try {
            assertThat(DirectoryLock.holder(dir.resolve(JournalFiles.LOCK)))
                    .startsWith("pid " + ProcessHandle.current().pid() + " on host " + DirectoryLock.hostName() + " since ")
                    .matches(".* since \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        } finally {
            lock.close();
        }
    }

    @Test
    void theWaitIsBoundedAndTheMessageSaysHowLongAndWho() throws Exception {
        long pid = holdInAnotherProcess("write");
        StoreException refused = catchThrowableOfType(StoreException.class,
                () -> JournalStore.open(dir, JournalOptions.defaults().withLockWait(Duration.ofMillis(300))));
        assertThat(refused.reason()).isEqualTo(StoreException.Reason.LOCKED);
        assertThat(refused).hasMessageContaining("waited 300 ms").hasMessageContaining("pid " + pid)
                .hasMessageContaining("on host " + DirectoryLock.hostName())
                .hasMessageContaining("--lock-wait");
    }

    @Test
    void withoutAWaitASecondWriterIsRefusedAtOnce() throws Exception {
        holdInAnotherProcess("write");
        StoreException refused = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir));
        assertThat(refused.reason()).isEqualTo(StoreException.Reason.LOCKED);
        assertThat(refused).hasMessageNotContaining("waited");
    }

    @Test
    void readersShareTheStoreButKeepAWriterOut() throws Exception {
        holdInAnotherProcess("read");
        try (JournalStore reader = JournalStore.open(dir, JournalOptions.defaults().asReadOnly())) {
            assertThat(reader.state().sequence()).isPositive();
        }
        StoreException refused = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir));
        assertThat(refused.reason()).isEqualTo(StoreException.Reason.LOCKED);
    }

    @Test
    void withinOneProcessASecondStoreObjectWaitsForTheFirstToClose() throws Exception {
        JournalStore first = JournalStore.open(dir);
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(() -> {
            try (JournalStore store = JournalStore.open(dir, JournalOptions.defaults().withLockWait(Duration.ofMinutes(1)))) {
                return store.state().sequence();
            }
        });
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        new Story(first).rollback("search");
        long written = first.state().sequence();
        first.close();
        assertThat(waiting.get(1, TimeUnit.MINUTES)).isEqualTo(written);
    }

    @Test
    void readersInOneProcessShareTheStoreToo() {
        try (JournalStore one = JournalStore.open(dir, JournalOptions.defaults().asReadOnly());
                JournalStore two = JournalStore.open(dir, JournalOptions.defaults().asReadOnly())) {
            assertThat(two.state().sequence()).isEqualTo(one.state().sequence()).isPositive();
        }
    }

    @Test
    void aRefusedSecondOpenInThisProcessLeavesTheFirstOnesLockInPlaceForOtherProcesses() throws Exception {
        try (JournalStore first = JournalStore.open(dir)) {
            StoreException refused = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir));
            assertThat(refused.reason()).isEqualTo(StoreException.Reason.LOCKED);
            assertThat(refused).hasMessageContaining("another store object in this process");
            StoreException reader = catchThrowableOfType(StoreException.class, () -> JournalStore.open(dir,
                    JournalOptions.defaults().asReadOnly().withLockWait(Duration.ofMillis(100))));
            assertThat(reader.reason()).isEqualTo(StoreException.Reason.LOCKED);

            assertThat(lineOfAnotherProcess("write")).as("the OS lock is still held").isEqualTo("refused LOCKED");
            assertThat(first.state().sequence()).isPositive();
        }
    }

    private String lineOfAnotherProcess(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), dir.toString(), mode).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        process.getOutputStream().close();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return line;
    }

    private long holdInAnotherProcess(String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
                dir.toString(), mode).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("the other process opened the store").startsWith("open ");
        return other.pid();
    }

    private void release() throws IOException, InterruptedException {
        try (OutputStream in = other.getOutputStream()) {
            in.write('\n');
        }
        assertThat(other.waitFor(1, TimeUnit.MINUTES)).isTrue();
    }
}
