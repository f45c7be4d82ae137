package io.jenkins.plugins.retrogate.engine.store.journal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;
import org.pcollections.PMap;
import org.pcollections.PSet;

/** Conversions between the state's persistent maps and the plain collections a snapshot holds. */
final class SnapshotMaps {
    private SnapshotMaps() {
    }

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

    static PMap<String, PSet<String>> sets(Map<String, List<String>> lists) {
        PMap<String, PSet<String>> map = TreePMap.empty();
        for (Map.Entry<String, List<String>> entry : lists.entrySet()) {
            map = map.plus(entry.getKey(), TreePSet.from(entry.getValue()));
        }
        return map;
    }

    static PMap<String, List<String>> vectors(Map<String, List<String>> lists) {
        PMap<String, List<String>> map = TreePMap.empty();
        for (Map.Entry<String, List<String>> entry : lists.entrySet()) {
            map = map.plus(entry.getKey(), List.copyOf(entry.getValue()));
        }
        return map;
    }

    static <V> PMap<String, V> plain(Map<String, V> map) {
        return TreePMap.from(map);
    }
}
