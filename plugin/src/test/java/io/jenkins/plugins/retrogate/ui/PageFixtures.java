package io.jenkins.plugins.retrogate.ui;

import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import io.jenkins.plugins.retrogate.jenkins.FakeJenkins;
import java.time.Clock;
import java.util.List;

/** The Retro Gate page over an engine in memory, seen through a fake Jenkins: no Jenkins starts. */
final class PageFixtures {
    static final Actor MANAGER = Actor.of("retro-manager", Permission.MANAGE, Permission.OVERRIDE);

    private PageFixtures() {
    }

    static RetroGate engine() {
        return new RetroGate(new InMemoryStore(), GatePolicy::defaults, Clock.systemUTC());
    }

    /** The page as the user {@code jenkins} says, over {@code engine}. */
    static RetroGatePage page(FakeJenkins jenkins, RetroGate engine) {
        jenkins.with(RetroGateStore.class, new RetroGateStore() {
            @Override
            public RetroGate engine() {
                return engine;
            }
        });
        return new RetroGatePage(jenkins);
    }

    static String incident(RetroGate engine, String service) {
        return engine.openIncident(MANAGER, new NewIncident("Checkout outage", Severity.SEV2, List.of(service),
                Detection.MANUAL, null)).id();
    }

    static ActionItem item(RetroGate engine, String incident, String title, Priority priority, ItemType type) {
        return engine.addItem(MANAGER, new NewActionItem(incident, title, priority, type, "team-payments", null,
                List.of(), null));
    }
}
