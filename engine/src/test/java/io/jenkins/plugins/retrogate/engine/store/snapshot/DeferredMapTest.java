package io.jenkins.plugins.retrogate.engine.store.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.pcollections.PMap;
import org.pcollections.TreePMap;

/**
 * The map a snapshot's history is read into: what is known answers while the rest is still being
 * decoded, changes wait for nothing, and the whole map ends up as if the changes were made on it.
 */
class DeferredMapTest {
    /** A guard against a read that would wait for a decoding that never ends, not a measurement. */
    private static final Duration HANG = Duration.ofSeconds(20);

    @Test
    void knownEntriesAndChangesAnswerWhileTheRestIsStillBeingDecoded() {
        CompletableFuture<PMap<String, String>> whole = new CompletableFuture<>();
        PMap<String, String> map = new DeferredMap<>(TreePMap.singleton("A-2", "open"), whole, () -> { }, "items");

        PMap<String, String> changed = assertTimeoutPreemptively(HANG, () -> {
            PMap<String, String> next = map.plus("A-3", "new").plus("A-2", "resolved").minus("A-9");
            assertThat(next.get("A-2")).isEqualTo("resolved");
            assertThat(next.get("A-3")).isEqualTo("new");
            assertThat(next.containsKey("A-3")).isTrue();
            return next;
        });
        assertThat(whole).isNotDone();

        whole.complete(TreePMap.from(Map.of("A-1", "verified", "A-2", "open", "A-9", "dropped")));

        assertThat(changed).isEqualTo(Map.of("A-1", "verified", "A-2", "resolved", "A-3", "new"));
        assertThat(changed.get("A-9")).as("removed before the whole map arrived").isNull();
        assertThat(map).as("the map changes were made on is as it was")
                .isEqualTo(Map.of("A-1", "verified", "A-2", "open", "A-9", "dropped"));
        assertThat(changed.plus("A-4", "later")).as("once decoded, a plain persistent map again")
                .isInstanceOf(TreePMap.class).hasSize(4);
    }

    @Test
    void onDemandTheDecodingIsAskedForByTheFirstReadThatNeedsTheWholeMapOnly() {
        CompletableFuture<PMap<String, String>> whole = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        PMap<String, String> map = new DeferredMap<>(TreePMap.singleton("A-2", "open"), whole, () -> {
            asked.incrementAndGet();
            whole.complete(TreePMap.from(Map.of("A-1", "verified", "A-2", "open")));
        }, "items");

        PMap<String, String> changed = map.plus("A-3", "new");
        assertThat(changed.get("A-2")).isEqualTo("open");
        assertThat(asked).as("known entries and changes ask for nothing").hasValue(0);

        assertThat(changed.get("A-1")).isEqualTo("verified");
        assertThat(asked).hasPositiveValue();
        assertThat(changed).hasSize(3);
    }

    @Test
    void anEntryNotKnownYetWaitsForTheWholeMap() throws Exception {
        CompletableFuture<PMap<String, String>> whole = new CompletableFuture<>();
        PMap<String, String> map = new DeferredMap<>(TreePMap.empty(), whole, () -> { }, "deployments");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> map.get("DEP-1"));

        whole.complete(TreePMap.singleton("DEP-1", "succeeded"));

        assertThat(read.get()).isEqualTo("succeeded");
    }

    @Test
    void aHistoryThatCannotBeDecodedIsNamedWithItsFaultOnEveryReadThatNeedsIt() {
        CompletableFuture<PMap<String, String>> whole = new CompletableFuture<>();
        PMap<String, String> map = new DeferredMap<>(TreePMap.singleton("A-2", "open"), whole, () -> { },
                "closed action items");
        PMap<String, String> changed = map.plus("A-3", "new");

        whole.completeExceptionally(new IOException("section 'items' at byte 12: found END_ARRAY where VALUE_STRING"
                + " belongs"));

        assertThat(changed.get("A-2")).as("what was known still answers").isEqualTo("open");
        for (Callable<Object> read : List.<Callable<Object>>of(changed::size, () -> changed.get("A-1"),
                changed::values, () -> changed.plus("A-4", "x").size())) {
            assertThatThrownBy(read::call).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the closed action items of the snapshot this store started from could not"
                            + " be read").hasMessageContaining("section 'items' at byte 12");
        }
    }
}
