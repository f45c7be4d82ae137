package io.jenkins.plugins.retrogate.engine;

import io.jenkins.plugins.retrogate.engine.command.DeploymentResult;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.NewDeployment;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.command.RollbackRequest;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import java.time.Duration;
import java.util.List;

/** An engine over an in-memory store with a hand-moved clock, and shortcuts for the usual story. */
public final class Scenario {
    public static final Actor ALICE = Actor.of("alice");
    public static final Actor RELEASE_MANAGER = Actor.of("rita", Permission.MANAGE, Permission.OVERRIDE);

    public final TestClock clock = new TestClock();
    public final InMemoryStore store = new InMemoryStore();
    public GatePolicy policy = GatePolicy.defaults();
    public final RetroGate gate = new RetroGate(store, () -> policy, clock);

    /** A production rollback of {@code service}: opens (or extends) its incident. */
    public Incident rollback(String service) {
        tick();
        return gate.rollback(ALICE, RollbackRequest.of(service, "production", "error rate up")).incident();
    }

    public ActionItem item(Incident incident, Priority priority, ItemType type, String ticket) {
        tick();
        return gate.addItem(ALICE, new NewActionItem(incident.id(), "Fix " + priority + " " + type, priority, type,
                "team-payments", ticket, null, null));
    }

    public ActionItem resolve(ActionItem item) {
        tick();
        return gate.resolveItem(ALICE, item.id(), "commit abc123");
    }

    public GateRequest request(String service, String environment, String... changeTickets) {
        return GateRequest.of(service, environment, null, "https://ci/job/deploy/7/", "alice",
                List.of(changeTickets), null, clock.instant());
    }

    public GateRequest request(String service, String environment, GateMode mode) {
        return GateRequest.of(service, environment, null, "https://ci/job/deploy/7/", "alice", List.of(), mode,
                clock.instant());
    }

    public GateDecision decide(String service, String environment, String... changeTickets) {
        return gate.evaluate(request(service, environment, changeTickets));
    }

    public DeploymentResult deploy(String service, String environment, Outcome outcome, String... changeTickets) {
        tick();
        return gate.recordDeployment(ALICE, new NewDeployment(request(service, environment, changeTickets), "1.0",
                null, null), outcome, null);
    }

    public ActionItem reload(ActionItem item) {
        return store.state().item(item.id()).orElseThrow();
    }

    public void tick() {
        clock.advance(Duration.ofMinutes(1));
    }
}
