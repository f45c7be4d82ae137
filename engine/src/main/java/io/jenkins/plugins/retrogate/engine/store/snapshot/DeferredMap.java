package io.jenkins.plugins.retrogate.engine.store.snapshot;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.pcollections.PMap;

/**
 * A map of the state read from a snapshot whose bulk is still being decoded in the background (the
 * deployments and the closed action items: see {@code docs/storage.md}, "Snapshots"). The entries
 * known at once ({@code early}: the open action items; none for deployments) answer without waiting;
 * any other read waits for the whole map. Changes do not wait: {@link #plus} and {@link #minus} apply
 * to the early entries now and to the whole map when it arrives, so folding events on top of a
 * snapshot waits only for a read of an entry that is not known yet. Every early entry is in the
 * whole map with the same value.
 * <p>
 * The keys in {@code settled} are fully known early: a read of one that is not there answers
 * "absent" without waiting (the items of an incident a gate reads that has none yet).
 * <p>
 * If the background decoding fails (a section that passed its checksum but does not decode: a bug,
 * or the memory ran out), every read that needs the whole map throws a
 * {@link HistoryUnreadableException} naming what could not be read; the early entries still answer.
 */
final class DeferredMap<V> extends AbstractMap<String, V> implements PMap<String, V> {
    private final PMap<String, V> early;
    private final Set<String> settled;
    private final CompletableFuture<PMap<String, V>> whole;
    /** Asks for the whole map to be decoded (it may not have begun: see {@code JournalOptions#historyOnDemand}). */
    private final Runnable demand;
    private final String what;

    DeferredMap(PMap<String, V> early, CompletableFuture<PMap<String, V>> whole, Runnable demand, String what) {
        this(early, Set.of(), whole, demand, what);
    }

    DeferredMap(PMap<String, V> early, Set<String> settled, CompletableFuture<PMap<String, V>> whole,
            Runnable demand, String what) {
        this.early = early;
        this.settled = settled;
        this.whole = whole;
        this.demand = demand;
        this.what = what;
    }

    /** The whole map, waiting for it if it is still being decoded. */
    PMap<String, V> whole() {
        demand.run();
        try {
            return whole.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new HistoryUnreadableException("the " + what + " of the snapshot this store started from could"
                    + " not be read: " + cause, cause);
        }
    }

    @Override
    public V get(Object key) {
        V value = early.get(key);
        return value != null || settled.contains(key) ? value : whole().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return early.containsKey(key) || (!settled.contains(key) && whole().containsKey(key));
    }

    @Override
    public int size() {
        return whole().size();
    }

    @Override
    public boolean isEmpty() {
        return whole().isEmpty();
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return whole().entrySet();
    }

    @Override
    public Set<String> keySet() {
        return whole().keySet();
    }

    @Override
    public Collection<V> values() {
        return whole().values();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || whole().equals(other);
    }

    @Override
    public int hashCode() {
        return whole().hashCode();
    }

    @Override
    public String toString() {
        if (!whole.isDone()) {
            return "{… " + what + " still being read …}";
        }
        return whole.isCompletedExceptionally() ? "{… " + what + " could not be read …}" : whole.join().toString();
    }

    @Override
    public PMap<String, V> plus(String key, V value) {
        if (ready()) {
            return whole().plus(key, value);
        }
        return new DeferredMap<>(early.plus(key, value), settled, whole.thenApply(map -> map.plus(key, value)),
                demand, what);
    }

    @Override
    public PMap<String, V> plusAll(Map<? extends String, ? extends V> map) {
        if (ready()) {
            return whole().plusAll(map);
        }
        Map<String, V> copy = Map.copyOf(map);
        return new DeferredMap<>(early.plusAll(copy), settled, whole.thenApply(all -> all.plusAll(copy)), demand,
                what);
    }

    @Override
    public PMap<String, V> minus(Object key) {
        if (ready()) {
            return whole().minus(key);
        }
        return new DeferredMap<>(early.minus(key), settled, whole.thenApply(map -> map.minus(key)), demand, what);
    }

    @Override
    public PMap<String, V> minusAll(Collection<?> keys) {
        if (ready()) {
            return whole().minusAll(keys);
        }
        Collection<?> copy = java.util.List.copyOf(keys);
        return new DeferredMap<>(early.minusAll(copy), settled, whole.thenApply(map -> map.minusAll(copy)), demand,
                what);
    }

    /** Decoded without failing: changes go to the whole map at once, and the result is a plain map again. */
    private boolean ready() {
        return whole.isDone() && !whole.isCompletedExceptionally();
    }

    @Deprecated
    @Override
    public V put(String key, V value) {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    @Override
    public V remove(Object key) {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    @Override
    public void putAll(Map<? extends String, ? extends V> map) {
        throw new UnsupportedOperationException();
    }

    @Deprecated
    @Override
    public void clear() {
        throw new UnsupportedOperationException();
    }
}
