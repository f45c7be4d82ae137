package io.jenkins.plugins.retrogate.engine.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jenkins.plugins.retrogate.engine.TestClock;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GitHubClientContractTest {
    private final WireMockServer server = Stubs.server();
    private final TestClock clock = new TestClock();
    private final Stubs.RecordingSleeper sleeper = new Stubs.RecordingSleeper(clock);
    private final GitHubClient client = new GitHubClient(GitHubSettings.of("acme/shop").withApiUrl(Stubs.url(server)),
            TrackerCredentials.bearer(Stubs.TOKEN), Stubs.options(clock, sleeper));

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void firstReadGetsEachIssueOnceWithTheApiVersionAndToken() {
        ObjectNode issue = Stubs.githubIssue("acme/shop", 42, "closed", "completed", "2026-11-01T10:00:00Z");
        ContractSchemas.assertConforms("github/issue.json", issue);
        server.stubFor(get("/repos/acme/shop/issues/42").willReturn(okJson(issue.toString())));
        server.stubFor(get("/repos/acme/infra/issues/7").willReturn(okJson(
                Stubs.githubIssue("acme/infra", 7, "open", null, "2026-10-30T10:00:00Z").toString())));

        Map<String, TicketState> states = client.states(List.of(ticket("#42"), ticket("acme/infra#7")), null);

        assertThat(states.get("#42").done()).isTrue();
        assertThat(states.get("#42").url()).isEqualTo("https://github.com/acme/shop/issues/42");
        assertThat(states.get("#42").updatedAt()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
        assertThat(states.get("acme/infra#7").closed()).isFalse();
        server.verify(1, getRequestedFor(urlEqualTo("/repos/acme/shop/issues/42"))
                .withHeader("Accept", equalTo("application/vnd.github+json"))
                .withHeader("X-GitHub-Api-Version", equalTo("2022-11-28"))
                .withHeader("Authorization", equalTo("Bearer s3cr3t-t0ken-value")));
    }

    @Test
    void laterReadsListTheIssuesChangedSinceThenOncePerRepositoryFollowingPages() {
        ArrayNode first = JsonNodeFactory.instance.arrayNode();
        for (int number = 100; number < 200; number++) {
            first.add(Stubs.githubIssue("acme/shop", number, "open", null, "2026-11-01T09:00:00Z"));
        }
        ArrayNode second = JsonNodeFactory.instance.arrayNode();
        second.add(Stubs.githubIssue("acme/shop", 42, "closed", "completed", "2026-11-01T10:00:00Z"));
        ContractSchemas.assertConforms("github/issue-list.json", first);
        ContractSchemas.assertConforms("github/issue-list.json", second);
        String since = "2026-11-01T08:00:00Z";
        String path = "/repos/acme/shop/issues?state=all&sort=updated&direction=asc&since=" + since + "&per_page=100";
        server.stubFor(get(path + "&page=1").willReturn(okJson(first.toString())
                .withHeader("Link", "<" + Stubs.url(server) + path + "&page=2>; rel=\"next\"")));
        server.stubFor(get(path + "&page=2").willReturn(okJson(second.toString())));

        Map<String, TicketState> states = client.states(List.of(ticket("#42"), ticket("acme/shop#150"),
                ticket("#43")), Instant.parse(since));

        assertThat(states).containsOnlyKeys("#42", "acme/shop#150");
        assertThat(states.get("#42").done()).isTrue();
        assertThat(server.getAllServeEvents()).hasSize(2);
    }

    @Test
    void anIssueClosedAsNotPlannedIsClosedButNotDone() {
        server.stubFor(get("/repos/acme/shop/issues/42").willReturn(okJson(
                Stubs.githubIssue("acme/shop", 42, "closed", "not_planned", "2026-11-01T10:00:00Z").toString())));

        TicketState state = client.states(List.of(ticket("#42")), null).get("#42");

        assertThat(state.closed()).isTrue();
        assertThat(state.done()).isFalse();
        assertThat(state.status()).isEqualTo("closed (not_planned)");
    }

    @Test
    void aMissingIssueIsLeftOutOfTheAnswer() {
        server.stubFor(get("/repos/acme/shop/issues/404").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest/issues/issues#get-an-issue\",\"status\":\"404\"}")));

        assertThat(client.states(List.of(ticket("#404")), null)).isEmpty();
    }

    @Test
    void filesAnIssueWithTheConfiguredAndPriorityLabels() {
        ObjectNode created = Stubs.githubIssue("acme/shop", 57, "open", null, "2026-11-02T09:00:00Z");
        server.stubFor(post("/repos/acme/shop/issues").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(created.toString())));

        Ticket ticket = client.create(new NewTicket("INC-1-A1", "[INC-1-A1] Add a circuit breaker",
                "line one\nline two", Priority.P1));

        assertThat(ticket).isEqualTo(new Ticket(TicketSystem.GITHUB, "acme/shop#57",
                "https://github.com/acme/shop/issues/57"));
        JsonNode request = Stubs.body(server.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues"))).get(0));
        ContractSchemas.assertConforms("github/issues-create.request.json", request);
        assertThat(request.get("labels")).extracting(JsonNode::asText).containsExactly("retro-gate", "priority: P1");
        assertThat(request.get("body").asText()).isEqualTo("line one\n\nline two");
    }

    @Test
    void commentsAndClosesAsCompleted() {
        JsonNode comment = Stubs.json("github/comment.json");
        ContractSchemas.assertConforms("github/issue-comment.json", comment);
        ObjectNode closed = Stubs.githubIssue("acme/shop", 42, "closed", "completed", "2026-11-02T09:10:00Z");
        server.stubFor(post("/repos/acme/shop/issues/42/comments").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(comment.toString())));
        server.stubFor(get("/repos/acme/shop/issues/42").willReturn(okJson(
                Stubs.githubIssue("acme/shop", 42, "open", null, "2026-11-01T10:00:00Z").toString())));
        server.stubFor(patch(urlPathEqualTo("/repos/acme/shop/issues/42")).willReturn(okJson(closed.toString())));

        client.comment(ticket("#42"), "Verified in production");
        client.close(ticket("#42"));

        LoggedRequest sent = server.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/issues/42/comments"))).get(0);
        ContractSchemas.assertConforms("github/issues-create-comment.request.json", Stubs.body(sent));
        JsonNode update = Stubs.body(server.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/42"))).get(0));
        ContractSchemas.assertConforms("github/issues-update.request.json", update);
        assertThat(update.get("state").asText()).isEqualTo("closed");
        assertThat(update.get("state_reason").asText()).isEqualTo("completed");
    }

    @Test
    void anIssueClosedAlreadyKeepsItsReason() {
        server.stubFor(get("/repos/acme/shop/issues/42").willReturn(okJson(
                Stubs.githubIssue("acme/shop", 42, "closed", "not_planned", "2026-11-01T10:00:00Z").toString())));

        client.close(ticket("#42"));

        server.verify(0, patchRequestedFor(urlEqualTo("/repos/acme/shop/issues/42")));
    }

    @Test
    void anUnknownStateIsAnErrorNamingTheEndpointAndTheField() {
        server.stubFor(get("/repos/acme/shop/issues/42").willReturn(okJson(
                Stubs.githubIssue("acme/shop", 42, "merged", null, "2026-11-01T10:00:00Z").toString())));

        assertThatThrownBy(() -> client.states(List.of(ticket("#42")), null))
                .hasMessage("GitHub GET /repos/acme/shop/issues/42 answered an unexpected shape: field 'state' is "
                        + "'merged' (expected open or closed)");
    }

    @Test
    void aMissingUpdateTimeIsAnErrorNamingTheField() {
        ObjectNode issue = Stubs.githubIssue("acme/shop", 42, "open", null, "2026-11-01T10:00:00Z");
        issue.remove("updated_at");
        assertThat(ContractSchemas.errors("github/issue.json", issue)).isNotEmpty();
        server.stubFor(get("/repos/acme/shop/issues/42").willReturn(okJson(issue.toString())));

        assertThatThrownBy(() -> client.states(List.of(ticket("#42")), null))
                .isInstanceOfSatisfying(TrackerException.class,
                        e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNEXPECTED_RESPONSE))
                .hasMessageContaining("field 'updated_at' is missing");
    }

    @Test
    void testConnectionChecksTheRepositoryHasIssues() {
        server.stubFor(get("/repos/acme/shop").willReturn(okJson(Stubs.json("github/repository.json").toString())));

        assertThat(client.checkConnection()).isEqualTo("Connected to GitHub at " + Stubs.url(server)
                + "; repository acme/shop has issues enabled");
    }

    @Test
    void servesOnlyIssuesItCanAddress() {
        GitHubClient withoutRepository = new GitHubClient(
                GitHubSettings.of(null).withApiUrl(Stubs.url(server)), TrackerCredentials.bearer(Stubs.TOKEN),
                Stubs.options(clock, sleeper));

        assertThat(client.serves(ticket("#42"))).isTrue();
        assertThat(withoutRepository.serves(ticket("#42"))).isFalse();
        assertThat(withoutRepository.serves(ticket("acme/shop#42"))).isTrue();
        assertThat(client.serves(new Ticket(TicketSystem.JIRA, "PAY-1", null))).isFalse();
    }

    static Ticket ticket(String key) {
        return new Ticket(TicketSystem.GITHUB, key, null);
    }
}
