package io.jenkins.plugins.retrogate.engine.store.snapshot;

import java.io.IOException;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pcollections.PMap;
import org.pcollections.PSet;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/** Conversions between the state's persistent maps and the plain collections a snapshot holds. */
final class SnapshotMaps {
    private SnapshotMaps() {
    }

    /**
     * The values keyed by their ids, from values in ascending id order (the order the state iterates
     * and snapshots write them): the tree is built in one pass instead of by repeated insertion. A
     * value out of order or a repeated id means the section is not what was written.
     */
    static <V> PMap<String, V> sortedById(List<V> values, Function<V, String> id, String what) throws IOException {
        String[] keys = new String[values.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = id.apply(values.get(i));
            if (i > 0 && keys[i - 1].compareTo(keys[i]) >= 0) {
                throw new IOException("the " + what + " are not in ascending id order at " + keys[i] + " (after "
                        + keys[i - 1] + ")");
            }
        }
        return TreePMap.fromSortedMap(new SortedRows<>(keys, values, 0, keys.length));
    }

    /**
     * A read-only sorted map over keys already in ascending order and their values, so that
     * {@link TreePMap#fromSortedMap} builds its tree in one pass, without a {@link TreeMap} (a node
     * and a dozen string comparisons per entry) in between.
     */
    @SuppressWarnings("JdkObsolete") // TreePMap.fromSortedMap takes a SortedMap
    private static final class SortedRows<V> extends AbstractMap<String, V> implements SortedMap<String, V> {
        private final String[] keys;
        private final List<V> values;
        private final int from;
        private final int to;

        SortedRows(String[] keys, List<V> values, int from, int to) {
            this.keys = keys;
            this.values = values;
            this.from = from;
            this.to = to;
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, V>> iterator() {
                    return new Iterator<>() {
                        private int next = from;

                        @Override
                        public boolean hasNext() {
                            return next < to;
                        }

                        @Override
                        public Entry<String, V> next() {
                            if (next >= to) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(keys[i], values.get(i));
                        }
                    };
                }

                @Override
                public int size() {
                    return to - from;
                }
            };
        }

        @Override
        public Comparator<? super String> comparator() {
            return null;
        }

        @Override
        public SortedMap<String, V> subMap(String fromKey, String toKey) {
            return new SortedRows<>(keys, values, Math.max(from, index(fromKey)), Math.min(to, index(toKey)));
        }

        @Override
        public SortedMap<String, V> headMap(String toKey) {
            return new SortedRows<>(keys, values, from, Math.min(to, Math.max(from, index(toKey))));
        }

        @Override
        public SortedMap<String, V> tailMap(String fromKey) {
            return new SortedRows<>(keys, values, Math.max(from, Math.min(to, index(fromKey))), to);
        }

        /** The position of the first key not less than {@code key}. */
        private int index(String key) {
            int found = Arrays.binarySearch(keys, from, to, key);
            return found >= 0 ? found : -found - 1;
        }

        @Override
        public String firstKey() {
            if (from >= to) {
                throw new NoSuchElementException();
            }
            return keys[from];
        }

        @Override
        public String lastKey() {
            if (from >= to) {
                throw new NoSuchElementException();
            }
            return keys[to - 1];
        }
    }

    /** Sets of ids per key, built in one pass each. */
    static PMap<String, PSet<String>> sets(Map<String, ? extends Collection<String>> lists) {
        TreeMap<String, PSet<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, ? extends Collection<String>> entry : lists.entrySet()) {
            sorted.put(entry.getKey(), TreePSet.fromSortedSet(new TreeSet<>(entry.getValue())));
        }
        return TreePMap.fromSortedMap(sorted);
    }

    static <V> PMap<String, V> plain(Map<String, V> map) {
        return TreePMap.fromSortedMap(new TreeMap<>(map));
    }

    // Format 1 only: maps built by repeated insertion from lists of records.

    static Map<String, List<String>> lists(Map<String, ? extends Collection<String>> map) {
        return map.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    static <V> PMap<String, V> byId(List<List<V>> chunks, Function<V, String> id) {
        PMap<String, V> map = TreePMap.empty();
        for (List<V> chunk : chunks) {
            for (V value : chunk) {
                map = map.plus(id.apply(value), value);
            }
        }
        return map;
    }

    static PMap<String, List<String>> vectors(Map<String, List<String>> lists) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : lists.entrySet()) {
            sorted.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
        return TreePMap.fromSortedMap(sorted);
    }
}
