package io.jenkins.plugins.retrogate.engine.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubSyncTest {
    private final WireMockServer server = Stubs.server();
    private final Scenario scenario = new Scenario();
    private final GitHubClient github = new GitHubClient(GitHubSettings.of("acme/shop").withApiUrl(Stubs.url(server)),
            TrackerCredentials.bearer(Stubs.TOKEN), Stubs.options(scenario.clock, new Stubs.RecordingSleeper(scenario.clock)));
    private final TrackerSync sync = new TrackerSync(scenario.gate, List.of(github), TrackerSyncOptions.defaults(),
            scenario.clock);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void readsANewTicketOnceThenOnlyTheRepositorysChangesAndResolvesWhenClosedAsCompleted() {
        Incident incident = scenario.rollback("checkout-api");
        ActionItem item = scenario.item(incident, P0, PREVENTATIVE, "acme/shop#42");
        server.stubFor(get("/repos/acme/shop/issues/42").willReturn(okJson(
                Stubs.githubIssue("acme/shop", 42, "open", null, "2026-11-01T10:00:00Z").toString())));
        SyncReport first = sync.run(TrackerSyncState.empty());
        assertThat(first.resolved()).isEmpty();
        scenario.clock.advance(Duration.ofMinutes(15));
        String listing = "/repos/acme/shop/issues";
        server.stubFor(get(urlPathEqualTo(listing)).willReturn(okJson(JsonNodeFactory.instance.arrayNode()
                .add(Stubs.githubIssue("acme/shop", 42, "closed", "completed", "2026-11-02T09:10:00Z")).toString())));

        SyncReport second = sync.run(first.state());

        assertThat(second.resolved()).containsExactly(item.id());
        assertThat(scenario.reload(item).status()).isEqualTo(ItemStatus.RESOLVED);
        assertThat(scenario.reload(item).fix()).isEqualTo("acme/shop#42 closed (completed)");
        String since = first.startedAt().minus(Duration.ofMinutes(5)).toString();
        server.verify(1, getRequestedFor(urlEqualTo(listing + "?state=all&sort=updated&direction=asc&since=" + since
                + "&per_page=100&page=1")));
        server.verify(1, getRequestedFor(urlEqualTo("/repos/acme/shop/issues/42")));
    }
}
