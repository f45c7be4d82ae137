package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.report.TrackerStatus;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerNotice;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerStateFile;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSyncState;
import io.jenkins.plugins.retrogate.engine.tracker.TrackerSetups;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How old the tracker data of a home is, for {@code gate}, {@code report} and {@code tracker status}:
 * read-only, from {@code tracker.yaml} and {@code tracker-sync.json}. It never changes a decision; it
 * only says what the decision rests on.
 */
final class TrackerFreshness {
    private TrackerFreshness() {
    }

    /** The statuses of the configured trackers (empty without {@code tracker.yaml}). */
    static List<TrackerStatus> statuses(Path home, Instant now) {
        Optional<TrackerConfig> config = TrackerConfigFile.load(home);
        if (config.isEmpty()) {
            return List.of();
        }
        return statuses(config.get(), new TrackerStateFile(home).read(), now);
    }

    static List<TrackerStatus> statuses(TrackerConfig config, TrackerSyncState state, Instant now) {
        List<TrackerStatus> statuses = new ArrayList<>();
        for (TicketSystem system : config.systems()) {
            statuses.add(state.health(system).status(TrackerSetups.name(system), now, config.staleAfter()));
        }
        return statuses;
    }

    /**
     * The gate's {@code tracker} JSON field: {@code null} without {@code tracker.yaml}; else the notice
     * (null when the decision does not rest on old tracker data) and each tracker's status. A tracker
     * file that cannot be read does not stop the gate (a tracker must not block or unblock by itself):
     * the notice says that the tracker data cannot be judged.
     */
    static ObjectNode forDecision(Path home, GateDecision decision, Instant now) {
        if (!java.nio.file.Files.exists(TrackerConfig.file(home))) {
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        TrackerConfig config;
        TrackerSyncState state;
        try {
            config = TrackerConfigFile.load(home).orElseThrow();
            state = new TrackerStateFile(home).read();
        } catch (BadInputException | StoreException e) {
            node.put("notice", "Tracker data behind this decision cannot be judged: " + e.getMessage());
            node.putNull("staleAfter");
            node.putArray("trackers");
            return node;
        }
        Optional<String> notice = TrackerNotice.forDecision(decision, state, config.systems(), now,
                config.staleAfter());
        node.put("notice", notice.orElse(null));
        node.put("staleAfter", config.staleAfter().toString());
        node.set("trackers", json(statuses(config, state, now)));
        return node;
    }

    static ArrayNode json(List<TrackerStatus> statuses) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (TrackerStatus t : statuses) {
            ObjectNode node = array.addObject();
            node.put("tracker", t.tracker());
            node.put("lastAttemptAt", t.lastAttemptAt() == null ? null : t.lastAttemptAt().toString());
            node.put("lastSuccessAt", t.lastSuccessAt() == null ? null : t.lastSuccessAt().toString());
            node.put("lastError", t.lastError());
            node.put("lastErrorAt", t.lastErrorAt() == null ? null : t.lastErrorAt().toString());
            node.put("consecutiveFailures", t.consecutiveFailures());
            node.put("failing", t.failing());
            node.put("stale", t.stale());
            node.put("description", t.description());
        }
        return array;
    }
}
