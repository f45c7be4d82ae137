package io.jenkins.plugins.retrogate.bench;

import io.jenkins.plugins.retrogate.engine.event.DeploymentFinished;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.ItemReopened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A synthetic but plausible history: incidents over many services, five action items each (a mix of
 * priorities and types), most items resolved and verified by a deployment, the rest still open, and
 * as many item reopen/resolve cycles, incident edits and deployments as it takes to reach the
 * requested number of events. Deterministic: the same arguments give the same events.
 */
public final class Workload {
    public static final int SERVICES = 2_000;
    public static final int ITEMS_PER_INCIDENT = 5;
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final int incidents;
    private final int items;
    private long clock;
    private long deployments;

    private Workload(int items) {
        this.items = items;
        this.incidents = Math.max(1, items / ITEMS_PER_INCIDENT);
    }

    /** The state after a history with {@code items} action items and just enough events for it. */
    public static RetroState state(int items) {
        RetroState[] state = {RetroState.empty()};
        new Workload(items).generate(0, event -> state[0] = state[0].apply(state[0].sequence() + 1, event));
        return state[0];
    }

    /** Streams a history of {@code items} items padded with lifecycle events up to {@code total} events. */
    public static void events(int items, long total, Consumer<Event> sink) {
        new Workload(items).generate(total, sink);
    }

    public static String service(int n) {
        return "svc-" + (n % SERVICES);
    }

    static String incidentId(int n) {
        return "INC-" + (n + 1);
    }

    static String itemId(int n) {
        return incidentId(n / ITEMS_PER_INCIDENT) + "-A" + (n % ITEMS_PER_INCIDENT + 1);
    }

    private Instant now() {
        return T0.plusSeconds(clock++);
    }

    @SuppressWarnings("EnumOrdinal") // the synthetic items take the priorities P0, P1, P2 in turn
    private void generate(long total, Consumer<Event> sink) {
        long[] count = {0};
        Consumer<Event> counted = event -> {
            count[0]++;
            sink.accept(event);
        };
        for (int i = 0; i < incidents; i++) {
            String service = service(i);
            DeploymentRef rollback = new DeploymentRef(null, "deploy-" + service, 100 + i,
                    "https://ci.example.com/job/deploy-" + service + "/" + (100 + i) + "/", service, "production", "1." + i);
            counted.accept(new IncidentOpened(now(), "alice", incidentId(i), "Rollback of " + service
                    + " in production: error rate above 5% after release 1." + i, Severity.SEV2, List.of(service),
                    Detection.ROLLBACK, now(), null, rollback, "error rate above 5% in stage smoke-test"));
            for (int a = 0; a < ITEMS_PER_INCIDENT && i * ITEMS_PER_INCIDENT + a < items; a++) {
                counted.accept(new ItemAdded(now(), "alice", itemId(i * ITEMS_PER_INCIDENT + a), incidentId(i),
                        "Add a canary stage and an error-budget alert for " + service + " (" + a + ")",
                        Priority.values()[a % 3], a % 2 == 0 ? ItemType.PREVENTATIVE : ItemType.MITIGATIVE,
                        "team-" + (i % 50), null, List.of(service), null));
            }
        }
        // Keep 20% of the items open; the rest are resolved, then verified by a production deployment.
        long verifiedBudget = (long) (items * 0.8);
        long lifecycle = total - count[0] - 4 * verifiedBudget;
        int cursor = 0;
        while (lifecycle >= 5) {
            int n = cursor++ % items;
            String service = service(n / ITEMS_PER_INCIDENT);
            counted.accept(new ItemResolved(now(), "tracker", itemId(n), Resolution.TRACKER, "PAY-" + n, null));
            counted.accept(new ItemReopened(now(), "alice", itemId(n), "the fix did not hold in staging"));
            counted.accept(new IncidentDetailsChanged(now(), "alice", incidentId(n / ITEMS_PER_INCIDENT),
                    "Rollback of " + service + ": error budget exhausted", Severity.SEV2, now(),
                    "connection pool exhausted under load"));
            deployment(service, counted);
            lifecycle -= 5;
        }
        for (int n = 0; n < verifiedBudget; n++) {
            String service = service(n / ITEMS_PER_INCIDENT);
            counted.accept(new ItemResolved(now(), "alice", itemId(n), Resolution.MANUAL, "commit " + n, null));
            String deployment = deployment(service, counted);
            counted.accept(new ItemVerified(now(), "gate", itemId(n), deployment));
        }
    }

    private String deployment(String service, Consumer<Event> sink) {
        deployments++;
        String id = "DEP-" + deployments;
        DeploymentRef ref = new DeploymentRef(id, "deploy-" + service, (int) deployments,
                "https://ci.example.com/job/deploy-" + service + "/" + deployments + "/", service, "production",
                "2." + deployments);
        sink.accept(new DeploymentStarted(now(), "alice", id, ref, true, List.of(), Decision.ALLOW));
        sink.accept(new DeploymentFinished(now(), "alice", id, Outcome.SUCCEEDED, null));
        return id;
    }

    /** All events of a history, in a list (for small histories). */
    public static List<Event> list(int items, long total) {
        List<Event> events = new ArrayList<>();
        events(items, total, events::add);
        return events;
    }
}
