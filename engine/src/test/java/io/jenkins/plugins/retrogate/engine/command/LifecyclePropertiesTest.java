package io.jenkins.plugins.retrogate.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Deployment;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.policy.GateDecision;
import io.jenkins.plugins.retrogate.engine.policy.GateEvaluator;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.store.InMemoryStore;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import io.jenkins.plugins.retrogate.engine.transfer.StoreImport;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** Random command sequences against the engine; the lifecycle's and the gate's promises must hold after each. */
class LifecyclePropertiesTest {
    private static final List<String> SERVICES = List.of("checkout-api", "search-api", "billing");
    private static final List<String> ENVIRONMENTS = List.of("production", "prod-eu", "staging");
    private static final List<String> TICKETS = List.of("PAY-1", "PAY-2", "PAY-3", "OPS-7");

    /** One user action, with small indexes into what exists so far. */
    record Step(int kind, int a, int b, int c, int d) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 11);
        return Combinators.combine(Arbitraries.integers().between(0, 11), small, small, small, small)
                .as(Step::new).list().ofMinSize(1).ofMaxSize(60);
    }

    private static void run(Scenario s, List<Step> steps) {
        for (Step step : steps) {
            RetroState before = s.store.state();
            try {
                apply(s, step);
            } catch (RetroGateException refused) {
                assertThat(s.store.state()).as("a refused command changes nothing").isSameAs(before);
            }
        }
    }

    @SuppressWarnings("EnumOrdinal") // the generated steps pick priorities, types and outcomes by index
    private static void apply(Scenario s, Step step) {
        RetroState state = s.store.state();
        List<String> incidents = state.incidents().keySet().stream().sorted().toList();
        List<String> items = state.items().keySet().stream().sorted().toList();
        String service = SERVICES.get(step.a() % SERVICES.size());
        String environment = ENVIRONMENTS.get(step.b() % ENVIRONMENTS.size());
        s.tick();
        switch (step.kind()) {
            case 0 -> s.gate.rollback(Scenario.ALICE, RollbackRequest.of(service, environment, "failure " + step.c()));
            case 1, 2 -> {
                if (!incidents.isEmpty()) {
                    s.gate.addItem(Scenario.ALICE, new NewActionItem(incidents.get(step.a() % incidents.size()),
                            "item", step.b() < 6 ? Priority.P0 : Priority.values()[step.b() % 3],
                            step.c() < 6 ? ItemType.PREVENTATIVE : ItemType.values()[step.c() % 3], "team",
                            step.d() < TICKETS.size() ? TICKETS.get(step.d()) : null,
                            step.d() == 11 ? List.of("*") : null, null));
                }
            }
            case 3 -> s.gate.resolveItem(Scenario.ALICE, pick(items, step.a()), "fix");
            case 4 -> s.gate.reopenItem(Scenario.ALICE, pick(items, step.a()), "did not hold");
            case 5 -> s.gate.dropItem(step.b() % 2 == 0 ? Scenario.ALICE : Scenario.RELEASE_MANAGER,
                    pick(items, step.a()), "not needed");
            case 6, 7 -> s.deploy(service, environment, Outcome.values()[step.c() % 3 == 2 && step.d() % 2 == 0 ? 2
                    : step.c() % 2], tickets(step.d()));
            case 8 -> {
                Deployment running = s.gate.startDeployment(Scenario.ALICE, new NewDeployment(
                        s.request(service, environment, tickets(step.d())), "v", null, null));
                if (step.c() % 2 == 0 && !items.isEmpty()) {
                    resolveIfOpen(s, pick(items, step.a()));
                }
                s.tick();
                s.gate.finishDeployment(Scenario.ALICE, running.id(), Outcome.values()[step.b() % 3], null);
            }
            case 10 -> s.gate.gate(Scenario.ALICE, s.request(service, environment, tickets(step.d())));
            case 11 -> state.pendingRequestByTarget().values().stream().sorted().findFirst().ifPresent(id -> {
                if (step.c() % 2 == 0) {
                    s.gate.denyOverride(Scenario.RELEASE_MANAGER, id, "not now");
                } else {
                    s.gate.approveRequest(Actor.of("rm", Permission.OVERRIDE), id, step.d() % 2 == 0, "go", null);
                }
            });
            default -> s.gate.approveOverride(Actor.of("rm", Permission.OVERRIDE), new OverrideGrant(service,
                    environment, null, "approved", Duration.ofMinutes(1 + step.c())));
        }
    }

    private static void resolveIfOpen(Scenario s, String item) {
        if (s.store.state().item(item).orElseThrow().status() == ItemStatus.OPEN) {
            // not alice, who may have asked for a deployment the item blocks (four eyes would refuse her, and
            // this step's deployment has started already)
            s.gate.resolveItem(Scenario.RELEASE_MANAGER, item, "fix while deploying");
        }
    }

    private static String pick(List<String> ids, int index) {
        return ids.isEmpty() ? "INC-1-A1" : ids.get(index % ids.size());
    }

    private static String[] tickets(int mask) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < TICKETS.size(); i++) {
            if ((mask >> i & 1) == 1) {
                result.add(TICKETS.get(i));
            }
        }
        return result.toArray(String[]::new);
    }

    @Property(tries = 300)
    void noItemIsVerifiedWithoutASuccessfulProductionDeploymentAfterItsResolutionOrCarryingItsFix(
            @ForAll("steps") List<Step> steps) {
        Scenario s = new Scenario();
        run(s, steps);
        Map<String, ItemResolved> lastResolution = new HashMap<>();
        Map<String, Outcome> outcomeThen = new HashMap<>();
        for (RecordedEvent recorded : s.store.events(1, Integer.MAX_VALUE)) {
            Event event = recorded.event();
            if (event instanceof ItemResolved resolved) {
                lastResolution.put(resolved.itemId(), resolved);
            } else if (event instanceof io.jenkins.plugins.retrogate.engine.event.DeploymentFinished finished) {
                outcomeThen.put(finished.deploymentId(), finished.outcome());
            } else if (event instanceof ItemVerified verified) {
                ActionItem item = s.store.state().item(verified.itemId()).orElseThrow();
                Deployment deployment = s.store.state().deployment(verified.deploymentId()).orElseThrow();
                ItemResolved resolution = lastResolution.get(item.id());
                assertThat(resolution).as("verified %s was resolved first", item.id()).isNotNull();
                // as it stood when it verified (a later rollback of it reopens the item)
                assertThat(outcomeThen.get(deployment.id())).isEqualTo(Outcome.SUCCEEDED);
                assertThat(deployment.production()).isTrue();
                assertThat(item.guards(deployment.service())).isTrue();
                assertThat(deployment.startedAt().isAfter(resolution.at()) || deployment.carries(item))
                        .as("%s started after the resolution or carried the fix", deployment.id()).isTrue();
            }
        }
        long verified = s.store.state().items().values().stream().filter(i -> i.status() == ItemStatus.VERIFIED)
                .peek(i -> assertThat(i.verifiedBy()).isNotNull()).count();
        Statistics.label("verified items").collect(verified > 0);
        Statistics.label("verified items").coverage(c -> c.check(true).percentage(p -> p > 1));
    }

    /** The import replays every event through the live commands' rules: whatever the commands wrote passes them. */
    @Property(tries = 300)
    void aGenuineExportOfAnyStoryImportsAndRoundTrips(@ForAll("steps") List<Step> steps) {
        Scenario s = new Scenario();
        run(s, steps);
        var document = StoreDocument.export(s.store.state(), StoreDocument.events(s.store), s.clock.instant());
        InMemoryStore copy = new InMemoryStore();

        StoreImport.into(copy, document, s.policy);

        assertThat(copy.state()).isEqualTo(s.store.state());
        assertThat(StoreDocument.export(copy.state(), StoreDocument.events(copy), s.clock.instant())).isEqualTo(document);
        Statistics.label("gate decisions").collect(s.store.state().decisionsByBuild().size() > 0);
        Statistics.label("gate decisions").coverage(c -> c.check(true).percentage(p -> p > 1));
    }

    /** The index a decision reads holds the items as they are now, in the items' order (it keeps copies). */
    @Property(tries = 300)
    void theActiveItemsIndexHoldsExactlyTheCurrentActiveItemsGuardingEachService(@ForAll("steps") List<Step> steps) {
        Scenario s = new Scenario();
        for (Step step : steps) {
            run(s, List.of(step));
            RetroState state = s.store.state();
            for (String service : SERVICES) {
                List<ActionItem> expected = state.items().values().stream()
                        .filter(i -> i.status().isActive() && i.guards(service)).sorted(RetroState.ITEM_ORDER).toList();
                assertThat(state.activeItemsGuarding(service)).as(service).containsExactlyElementsOf(expected);
            }
        }
    }

    @Property(tries = 300)
    void aBlockListsExactlyTheOpenBlockingItemsGuardingTheService(@ForAll("steps") List<Step> steps) {
        Scenario s = new Scenario();
        run(s, steps);
        for (String service : SERVICES) {
            GateDecision decision = s.gate.evaluate(s.request(service, "production"));
            Set<String> expected = s.store.state().items().values().stream()
                    .filter(i -> i.status() == ItemStatus.OPEN && i.priority() == Priority.P0
                            && i.type() == ItemType.PREVENTATIVE && i.guards(service))
                    .map(ActionItem::id).collect(Collectors.toSet());
            assertThat(decision.blockingItems()).extracting(ActionItem::id).containsExactlyInAnyOrderElementsOf(expected);
            Statistics.label("blocked").collect(!expected.isEmpty());
            if (expected.isEmpty()) {
                assertThat(decision.decision()).isIn(Decision.ALLOW, Decision.WARN);
            } else {
                assertThat(decision.decision()).isIn(Decision.BLOCK, Decision.OVERRIDDEN);
                assertThat(decision.decision() == Decision.OVERRIDDEN).isEqualTo(decision.override() != null);
            }
        }
        Statistics.label("blocked").coverage(c -> c.check(true).percentage(p -> p > 1));
    }

    @Property(tries = 200)
    void decisionsAreDeterministicAndAPipelineModeNeverWeakensPolicy(@ForAll("steps") List<Step> steps,
            @ForAll("modes") GateMode requested) {
        Scenario s = new Scenario();
        run(s, steps);
        for (String service : SERVICES) {
            for (String environment : ENVIRONMENTS) {
                GateRequest plain = s.request(service, environment);
                GateRequest asked = s.request(service, environment, requested);
                GateDecision first = GateEvaluator.evaluate(s.store.state(), s.policy, asked);
                GateDecision again = GateEvaluator.evaluate(s.store.state(), s.policy, asked);
                GateDecision policyOnly = GateEvaluator.evaluate(s.store.state(), s.policy, plain);
                assertThat(again).isEqualTo(first);
                assertThat(first.mode().compareTo(policyOnly.mode())).isGreaterThanOrEqualTo(0);
                if (policyOnly.decision() == Decision.BLOCK) {
                    assertThat(first.decision()).isEqualTo(Decision.BLOCK);
                }
            }
        }
    }

    @Provide
    Arbitrary<GateMode> modes() {
        return Arbitraries.of(GateMode.class);
    }

    @Property(tries = 200)
    void eventsReplayedFromTheirJsonFormRebuildAnIdenticalState(@ForAll("steps") @Size(min = 5) List<Step> steps) {
        Scenario s = new Scenario();
        run(s, steps);
        RetroState replayed = RetroState.empty();
        for (RecordedEvent recorded : s.store.events(1, Integer.MAX_VALUE)) {
            Event event = EventJson.read(EventJson.write(recorded.event()));
            assertThat(event).isEqualTo(recorded.event());
            replayed = replayed.apply(recorded.sequence(), event);
        }
        assertThat(replayed).isEqualTo(s.store.state());
    }
}
