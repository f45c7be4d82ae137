package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded journal, with small segments so that commands cross segment files. */
class JournalStoreContractTest extends StoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store open() {
        return JournalStore.open(dir, JournalFixture.SMALL_SEGMENTS);
    }

    @Override
    protected Store reopen() {
        return JournalStore.open(dir, JournalFixture.SMALL_SEGMENTS);
    }
}
