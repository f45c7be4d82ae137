package io.jenkins.plugins.retrogate.engine.store.journal;

import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.NewDeployment;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Drives a store through the engine's commands, so the journal holds the events real use produces. */
final class Story {
    static final Actor ALICE = Actor.of("alice");
    private final RetroGate gate;

    Story(Store store) {
        this.gate = new RetroGate(store, GatePolicy::defaults, new TickingClock());
    }

    RetroGate gate() {
        return gate;
    }

    Incident rollback(String service) {
        return gate.rollback(ALICE, RollbackRequest.of(service, "production", "error rate up on " + service))
                .incident();
    }

    ActionItem item(Incident incident, String title) {
        return gate.addItem(ALICE, new NewActionItem(incident.id(), title, Priority.P0, ItemType.PREVENTATIVE,
                "team-payments", null, null, null));
    }

    void deploy(String service, Outcome outcome) {
        gate.recordDeployment(ALICE, new NewDeployment(request(service), "1.0", "deploy", 7), outcome,
                outcome == Outcome.ROLLED_BACK ? "broken again" : null);
    }

    GateRequest request(String service) {
        return GateRequest.of(service, "production", null, "https://ci/job/deploy/7/", "alice", List.of(), null,
                gate.now());
    }

    /** A little of everything: an incident, items, a resolution, a verifying deployment. */
    void round(int n) {
        String service = "svc-" + (n % 7);
        Incident incident = rollback(service);
        ActionItem first = item(incident, "Add a canary for " + service + " #" + n);
        item(incident, "Alert on error budget #" + n);
        gate.resolveItem(ALICE, first.id(), "commit " + n);
        deploy(service, Outcome.SUCCEEDED);
    }

    /** A clock that moves one second per reading, so events are ordered and distinct. */
    static final class TickingClock extends Clock {
        private final AtomicLong seconds = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds.incrementAndGet());
        }
    }
}
