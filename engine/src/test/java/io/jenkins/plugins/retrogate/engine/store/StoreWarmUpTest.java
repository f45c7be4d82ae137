package io.jenkins.plugins.retrogate.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The warm-up's sample still reads and folds: a sample that an engine change made invalid would leave a
 * short command to load everything on its main thread.
 */
class StoreWarmUpTest {
    @Test
    void theSampleReadsAndFolds() {
        assertThat(StoreWarmUp.reading()).isTrue();
    }
}
