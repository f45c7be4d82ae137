package io.jenkins.plugins.retrogate.engine.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Resolution;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import io.jenkins.plugins.retrogate.engine.store.RecordedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrackerSyncTest {
    private final WireMockServer server = Stubs.server();
    private final Scenario scenario = new Scenario();
    private final Stubs.RecordingSleeper sleeper = new Stubs.RecordingSleeper(scenario.clock);
    private final JiraClient jira = new JiraClient(JiraSettings.cloud(Stubs.url(server), "PAY"),
            TrackerCredentials.basic("retro-gate@acme.com", Stubs.TOKEN), Stubs.options(scenario.clock, sleeper));
    private final TrackerSync sync = new TrackerSync(scenario.gate, List.of(jira), TrackerSyncOptions.defaults(),
            scenario.clock);
    private final Incident incident = scenario.rollback("checkout-api");
    private final ActionItem done = scenario.item(incident, P0, PREVENTATIVE, "PAY-12");
    private final ActionItem inProgress = scenario.item(incident, P0, PREVENTATIVE, "PAY-13");
    private final ActionItem wontDo = scenario.item(incident, P1, PREVENTATIVE, "PAY-14");

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void resolvesTheOpenItemWhoseTicketIsDoneAsTheTracker() {
        stubSearch(Stubs.object("jira/search-jql.json"));

        SyncReport report = sync.run(TrackerSyncState.empty());

        assertThat(report.succeeded()).isTrue();
        assertThat(report.resolved()).containsExactly(done.id());
        ActionItem resolved = scenario.reload(done);
        assertThat(resolved.status()).isEqualTo(ItemStatus.RESOLVED);
        assertThat(resolved.resolution()).isEqualTo(Resolution.TRACKER);
        assertThat(resolved.resolvedBy()).isEqualTo("tracker");
        assertThat(resolved.fix()).isEqualTo("PAY-12 Done");
        RecordedEvent last = scenario.store.events(scenario.store.state().sequence(), 1).get(0);
        assertThat(last.event()).isInstanceOfSatisfying(ItemResolved.class, e -> assertThat(e.actor()).isEqualTo("tracker"));
        assertThat(scenario.reload(inProgress).status()).isEqualTo(ItemStatus.OPEN);
        assertThat(scenario.reload(wontDo).status()).isEqualTo(ItemStatus.OPEN);
        assertThat(report.notes()).containsExactly("PAY-14 was closed as Done / Won't Do; " + wontDo.id()
                + " stays OPEN: drop it in Retro Gate if it is no longer needed");
        assertThat(report.state().health(TicketSystem.JIRA).lastSuccessAt()).isEqualTo(report.startedAt());
        server.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
    }

    @Test
    void runningTwiceChangesNothingMore() {
        stubSearch(Stubs.object("jira/search-jql.json"));
        SyncReport first = sync.run(TrackerSyncState.empty());
        long sequence = scenario.store.state().sequence();
        scenario.tick();

        SyncReport second = sync.run(first.state());

        assertThat(second.changedNothing()).isTrue();
        assertThat(scenario.store.state().sequence()).isEqualTo(sequence);
        assertThat(second.state().tickets()).isEqualTo(first.state().tickets());
        assertThat(second.state().resolved()).isEqualTo(first.state().resolved());
        server.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void anItemAPersonReopenedIsNotResolvedAgainUntilItsTicketChanges() {
        stubSearch(Stubs.object("jira/search-jql.json"));
        SyncReport first = sync.run(TrackerSyncState.empty());
        scenario.tick();
        scenario.gate.reopenItem(Scenario.ALICE, done.id(), "the breaker never opens under load");

        SyncReport second = sync.run(first.state());

        assertThat(second.resolved()).isEmpty();
        assertThat(scenario.reload(done).status()).isEqualTo(ItemStatus.OPEN);

        ObjectNode changed = Stubs.object("jira/search-jql.json");
        ((ObjectNode) changed.at("/issues/0/fields")).put("updated", "2026-11-02T11:00:00.000+0000");
        stubSearch(changed);
        SyncReport third = sync.run(second.state());

        assertThat(third.resolved()).containsExactly(done.id());
        assertThat(scenario.reload(done).status()).isEqualTo(ItemStatus.RESOLVED);
    }

    @Test
    void theTicketOfAVerifiedItemIsCommentedOnAndClosedOnce() {
        stubSearch(Stubs.object("jira/search-jql.json"));
        stubCommentAndClose();
        SyncReport first = sync.run(TrackerSyncState.empty());
        scenario.resolve(inProgress);
        scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED);
        assertThat(scenario.reload(inProgress).status()).isEqualTo(ItemStatus.VERIFIED);

        SyncReport second = sync.run(first.state());

        assertThat(second.commented()).containsExactlyInAnyOrder(done.id(), inProgress.id());
        assertThat(second.closed()).containsExactlyInAnyOrder(done.id(), inProgress.id());
        server.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-13/comment")));
        server.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-12/comment")));
        server.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-13/transitions")));
        server.verify(0, postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-12/transitions")));
        String comment = Stubs.body(server.findAll(postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-13/comment")))
                .get(0)).at("/body/content/0/content/0/text").asText();
        assertThat(comment).startsWith("Verified in production by Retro Gate: deployment DEP-")
                .contains("of checkout-api to production (version 1.0)");

        scenario.tick();
        SyncReport third = sync.run(second.state());

        assertThat(third.changedNothing()).isTrue();
        server.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-13/comment")));
        server.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-13/transitions")));
    }

    @Test
    void itemsVerifiedBeforeTheFirstSyncAreLeftAloneUnlessAsked() {
        scenario.resolve(inProgress);
        scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED);
        scenario.tick();
        stubSearch(Stubs.object("jira/search-jql.json"));
        stubCommentAndClose();

        SyncReport quiet = sync.run(TrackerSyncState.empty());
        TrackerSync historic = new TrackerSync(scenario.gate, List.of(jira),
                TrackerSyncOptions.defaults().withCloseHistoricItems(true), scenario.clock);
        SyncReport closing = historic.run(TrackerSyncState.empty());

        assertThat(quiet.commented()).isEmpty();
        assertThat(closing.commented()).containsExactly(inProgress.id());
    }

    @Test
    void anOutageChangesNothingInTheStoreAndShowsInTheHealth() {
        stubSearch(Stubs.object("jira/search-jql.json"));
        SyncReport good = sync.run(TrackerSyncState.empty());
        scenario.clock.advance(Duration.ofMinutes(42));
        server.resetAll();
        server.stubFor(post("/rest/api/3/search/jql").willReturn(aResponse().withStatus(503)));
        long sequence = scenario.store.state().sequence();

        SyncReport failed = sync.run(good.state());

        assertThat(failed.succeeded()).isFalse();
        assertThat(scenario.store.state().sequence()).isEqualTo(sequence);
        TrackerHealth health = failed.state().health(TicketSystem.JIRA);
        assertThat(health.failing()).isTrue();
        assertThat(health.lastSuccessAt()).isEqualTo(good.startedAt());
        assertThat(health.describe(scenario.clock.instant())).isEqualTo("tracker data is 42 minutes old; last sync "
                + "failed 7 seconds ago: Jira POST /rest/api/3/search/jql answered HTTP 503 after 4 attempts");
        assertThat(failed.summary().get(1)).startsWith("  JIRA failed: Jira POST /rest/api/3/search/jql answered HTTP 503");

        String notice = TrackerNotice.forDecision(scenario.decide("checkout-api", "production"), failed.state(),
                java.util.Set.of(TicketSystem.JIRA), scenario.clock.instant(), Duration.ofMinutes(30)).orElseThrow();
        assertThat(notice).startsWith("Tracker data behind this decision may be out of date: Jira tracker data is 42 minutes old")
                .contains(inProgress.id() + " (PAY-13)");

        server.resetAll();
        stubSearch(Stubs.object("jira/search-jql.json"));
        SyncReport recovered = sync.run(failed.state());
        assertThat(recovered.state().health(TicketSystem.JIRA).failing()).isFalse();
        assertThat(TrackerNotice.forDecision(scenario.decide("checkout-api", "production"), recovered.state(),
                java.util.Set.of(TicketSystem.JIRA), scenario.clock.instant(), Duration.ofMinutes(30))).isEmpty();
    }

    @Test
    void filesATicketForAnOpenItemWithoutOneOnlyOnce() {
        ActionItem untracked = scenario.item(incident, P1, PREVENTATIVE, null);
        stubSearch(Stubs.object("jira/search-jql.json"));
        server.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Stubs.json("jira/created-issue.json").toString())));
        TrackerSync filing = new TrackerSync(scenario.gate, List.of(jira),
                TrackerSyncOptions.defaults().fileTicketsIn(TicketSystem.JIRA, "https://ci.acme.com/retro-gate/incident/{id}/"),
                scenario.clock);

        SyncReport first = filing.run(TrackerSyncState.empty());
        SyncReport second = filing.run(first.state());

        assertThat(first.created()).containsExactly(untracked.id());
        assertThat(first.state().created().get(untracked.id()).key()).isEqualTo("PAY-50");
        assertThat(scenario.reload(untracked).ticket().key()).as("the gate knows the filed key").isEqualTo("PAY-50");
        assertThat(second.created()).isEmpty();
        server.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/issue")));
        String description = Stubs.body(server.findAll(postRequestedFor(urlEqualTo("/rest/api/3/issue"))).get(0))
                .at("/fields/description/content/1/content/0/text").asText();
        assertThat(description).isEqualTo("Incident: https://ci.acme.com/retro-gate/incident/" + incident.id() + "/");
        assertThat(first.notes()).anyMatch(n -> n.startsWith("ticket PAY-50 of " + untracked.id() + " was not found"));
    }

    @Test
    void theStateSurvivesItsJsonForm() {
        stubSearch(Stubs.object("jira/search-jql.json"));
        stubCommentAndClose();
        SyncReport first = sync.run(TrackerSyncState.empty());
        scenario.resolve(inProgress);
        scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED);
        TrackerSyncState state = sync.run(first.state()).state();

        String json = state.toJson();

        assertThat(TrackerSyncState.fromJson(json)).isEqualTo(state);
        assertThat(json).contains("\"format\" : 1").contains("\"JIRA:PAY-12\"").doesNotContain("s3cr3t");
    }

    private void stubSearch(ObjectNode answer) {
        ContractSchemas.assertConforms("jira/search-jql.response.json", answer);
        server.stubFor(post("/rest/api/3/search/jql").willReturn(okJson(answer.toString())));
    }

    private void stubCommentAndClose() {
        for (String key : List.of("PAY-12", "PAY-13")) {
            server.stubFor(post("/rest/api/3/issue/" + key + "/comment").willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json").withBody(Stubs.json("jira/comment.json").toString())));
        }
        server.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PAY-13"))
                .willReturn(okJson(Stubs.json("jira/issue-in-progress.json").toString())));
        server.stubFor(get("/rest/api/3/issue/PAY-13/transitions")
                .willReturn(okJson(Stubs.json("jira/transitions.json").toString())));
        server.stubFor(post("/rest/api/3/issue/PAY-13/transitions").willReturn(aResponse().withStatus(204)));
    }
}
