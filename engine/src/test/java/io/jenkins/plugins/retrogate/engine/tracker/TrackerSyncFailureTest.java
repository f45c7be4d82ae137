package io.jenkins.plugins.retrogate.engine.tracker;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P1;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a sync keeps and repeats when a tracker fails part-way. */
class TrackerSyncFailureTest {
    private final Scenario scenario = new Scenario();
    private final FakeTracker tracker = new FakeTracker();
    private final TrackerSync sync = new TrackerSync(scenario.gate, List.of(tracker), TrackerSyncOptions.defaults(),
            scenario.clock);
    private final Incident incident = scenario.rollback("checkout-api");

    @Test
    void aCloseThatFailsAfterTheCommentIsRetriedWithoutASecondComment() {
        ActionItem item = verifiedItemWithTicket("PAY-1");
        tracker.failNext("close", TrackerException.Kind.UNAVAILABLE);

        SyncReport failed = sync.run(firstRun);

        assertThat(failed.errors()).containsKey(TicketSystem.JIRA);
        assertThat(failed.state().closing().get(item.id()).commentedAt()).isNotNull();
        assertThat(failed.state().closing().get(item.id()).finished()).isFalse();

        SyncReport retried = sync.run(failed.state());

        assertThat(retried.succeeded()).isTrue();
        assertThat(retried.commented()).isEmpty();
        assertThat(retried.closed()).containsExactly(item.id());
        assertThat(tracker.comments).containsExactly("PAY-1");
        assertThat(tracker.closes).containsExactly("PAY-1");
    }

    @Test
    void aStoreThatCannotBeUsedMidRunStopsThatTrackerButKeepsTheTicketsFiledSoTheyAreNotFiledTwice() {
        ActionItem first = scenario.item(incident, P0, PREVENTATIVE, null);
        ActionItem second = scenario.item(incident, P1, PREVENTATIVE, null);
        // the store behind the sync holds the home only per command: another process may hold it meanwhile
        io.jenkins.plugins.retrogate.engine.store.Store busy = new io.jenkins.plugins.retrogate.engine.store.Store() {
            int reads;

            @Override
            public io.jenkins.plugins.retrogate.engine.state.RetroState state() {
                if (++reads > 1) {
                    throw new io.jenkins.plugins.retrogate.engine.store.StoreException(
                            io.jenkins.plugins.retrogate.engine.store.StoreException.Reason.LOCKED, "in use");
                }
                return scenario.store.state();
            }

            @Override
            public <R> R execute(java.util.function.Function<io.jenkins.plugins.retrogate.engine.state.RetroState,
                    io.jenkins.plugins.retrogate.engine.store.Change<R>> command) {
                throw new io.jenkins.plugins.retrogate.engine.store.StoreException(
                        io.jenkins.plugins.retrogate.engine.store.StoreException.Reason.LOCKED, "in use");
            }

            @Override
            public List<io.jenkins.plugins.retrogate.engine.store.RecordedEvent> events(long from, int limit) {
                return scenario.store.events(from, limit);
            }

            @Override
            public void close() {
            }
        };
        TrackerSync filing = new TrackerSync(new io.jenkins.plugins.retrogate.engine.command.RetroGate(busy,
                () -> scenario.policy, scenario.clock), List.of(tracker),
                TrackerSyncOptions.defaults().fileTicketsIn(TicketSystem.JIRA, null), scenario.clock);

        SyncReport report = filing.run(TrackerSyncState.empty());

        assertThat(report.succeeded()).isFalse();
        assertThat(report.errors().get(TicketSystem.JIRA)).contains("the store could not be used", "in use");
        assertThat(report.created()).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(report.state().created()).containsKeys(first.id(), second.id());
        SyncReport again = new TrackerSync(scenario.gate, List.of(tracker),
                TrackerSyncOptions.defaults().fileTicketsIn(TicketSystem.JIRA, null), scenario.clock).run(report.state());
        assertThat(tracker.created).as("each ticket filed once").containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(again.created()).isEmpty();
    }

    @Test
    void aTicketThatCannotBeClosedIsGivenUpWithANoteAndNotRetried() {
        ActionItem item = verifiedItemWithTicket("PAY-1");
        tracker.failNext("close", TrackerException.Kind.REJECTED);

        SyncReport first = sync.run(firstRun);
        SyncReport second = sync.run(first.state());

        assertThat(first.succeeded()).isTrue();
        assertThat(first.notes()).containsExactly("gave up closing PAY-1 of verified " + item.id()
                + ": fake close failed (REJECTED)");
        assertThat(first.state().closing().get(item.id()).gaveUp()).contains("REJECTED");
        assertThat(second.changedNothing()).isTrue();
        assertThat(tracker.comments).containsExactly("PAY-1");
    }

    @Test
    void aTicketThatCannotBeFiledIsNotedWhileTheOthersAreFiled() {
        ActionItem first = scenario.item(incident, P0, PREVENTATIVE, null);
        ActionItem second = scenario.item(incident, P1, PREVENTATIVE, null);
        tracker.failNext("create", TrackerException.Kind.REJECTED);
        TrackerSync filing = new TrackerSync(scenario.gate, List.of(tracker),
                TrackerSyncOptions.defaults().fileTicketsIn(TicketSystem.JIRA, null), scenario.clock);

        SyncReport report = filing.run(TrackerSyncState.empty());

        assertThat(report.succeeded()).isTrue();
        assertThat(report.created()).containsExactly(second.id());
        assertThat(report.notes()).containsExactly("no ticket could be filed for " + first.id()
                + ": fake create failed (REJECTED)");
        assertThat(filing.run(report.state()).created()).containsExactly(first.id());
    }

    @Test
    void ticketsFiledBeforeAnOutageAreKeptWhenTheReadFails() {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, null);
        tracker.failNext("states", TrackerException.Kind.UNAVAILABLE);
        TrackerSync filing = new TrackerSync(scenario.gate, List.of(tracker),
                TrackerSyncOptions.defaults().fileTicketsIn(TicketSystem.JIRA, null), scenario.clock);

        SyncReport failed = filing.run(TrackerSyncState.empty());
        SyncReport next = filing.run(failed.state());

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.state().created()).containsKey(item.id());
        assertThat(next.created()).isEmpty();
        assertThat(tracker.created).containsExactly(item.id());
    }

    @Test
    void anItemResolvedByHandMeanwhileIsLeftAsItIs() {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, "PAY-1");
        tracker.put("PAY-1", "Done", true, Instant.parse("2026-11-02T08:00:00Z"));
        TrackerClient racing = new DelegatingTracker(tracker) {
            @Override
            public Map<String, TicketState> states(Collection<Ticket> tickets,
                    Instant since) {
                scenario.resolve(item); // a person resolves it between the read and the resolution
                return super.states(tickets, since);
            }
        };

        SyncReport report = new TrackerSync(scenario.gate, List.of(racing), TrackerSyncOptions.defaults(),
                scenario.clock).run(TrackerSyncState.empty());

        assertThat(report.resolved()).isEmpty();
        assertThat(report.notes()).singleElement().asString().startsWith(item.id() + " was not resolved from PAY-1: ");
        assertThat(scenario.reload(item).resolvedBy()).isEqualTo("alice");
    }

    private TrackerSyncState firstRun = TrackerSyncState.empty();

    private ActionItem verifiedItemWithTicket(String key) {
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, key);
        tracker.put(key, "In Progress", false, Instant.parse("2026-11-01T08:00:00Z"));
        firstRun = sync.run(TrackerSyncState.empty()).state();
        scenario.resolve(item);
        scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED);
        assertThat(scenario.reload(item).status()).isEqualTo(ItemStatus.VERIFIED);
        return item;
    }

    /** Passes everything to another client; tests override the call they want to interfere with. */
    static class DelegatingTracker implements TrackerClient {
        private final TrackerClient delegate;

        DelegatingTracker(TrackerClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public TicketSystem system() {
            return delegate.system();
        }

        @Override
        public boolean serves(Ticket ticket) {
            return delegate.serves(ticket);
        }

        @Override
        public Ticket create(NewTicket ticket) {
            return delegate.create(ticket);
        }

        @Override
        public Map<String, TicketState> states(Collection<Ticket> tickets,
                Instant since) {
            return delegate.states(tickets, since);
        }

        @Override
        public void comment(Ticket ticket, String text) {
            delegate.comment(ticket, text);
        }

        @Override
        public void close(Ticket ticket) {
            delegate.close(ticket);
        }

        @Override
        public String checkConnection() {
            return delegate.checkConnection();
        }
    }
}
