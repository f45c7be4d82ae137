package io.jenkins.plugins.retrogate.engine.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.jenkins.plugins.retrogate.engine.TestClock;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryAndRateLimitTest {
    private static final String ISSUE = "/repos/acme/shop/issues/42";
    private final WireMockServer server = Stubs.server();
    private final TestClock clock = new TestClock();
    private final Stubs.RecordingSleeper sleeper = new Stubs.RecordingSleeper(clock);
    private final GitHubClient github = new GitHubClient(GitHubSettings.of("acme/shop").withApiUrl(Stubs.url(server)),
            TrackerCredentials.bearer(Stubs.TOKEN), Stubs.options(clock, sleeper));
    private final String issue = Stubs.githubIssue("acme/shop", 42, "open", null, "2026-11-01T10:00:00Z").toString();

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void retriesServerErrorsWithExponentialBackOff() {
        answerInTurn(() -> get(ISSUE), aResponse().withStatus(503), aResponse().withStatus(502), okJson(issue));

        assertThat(read()).isNotNull();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void givesUpAfterTheLastAttemptAndSaysHowOftenItTried() {
        server.stubFor(get(ISSUE).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(this::read).isInstanceOfSatisfying(TrackerException.class, e -> {
            assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNAVAILABLE);
            assertThat(e.kind().isTransient()).isTrue();
        }).hasMessage("GitHub GET " + ISSUE + " answered HTTP 500 after 4 attempts");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void honoursRetryAfterOnTooManyRequests() {
        answerInTurn(() -> get(ISSUE), aResponse().withStatus(429).withHeader("Retry-After", "7"), okJson(issue));

        read();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void waitsForTheGitHubRateLimitToResetWhenItIsExhausted() {
        long reset = clock.instant().plusSeconds(20).getEpochSecond();
        answerInTurn(() -> get(ISSUE), aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", Long.toString(reset))
                .withBody("{\"message\":\"API rate limit exceeded\"}"), okJson(issue));

        read();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(21));
    }

    @Test
    void doesNotWaitLongerThanThePolicyAllowsButSaysWhenTheLimitResets() {
        long reset = clock.instant().plusSeconds(3600).getEpochSecond();
        server.stubFor(get(ISSUE).willReturn(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", Long.toString(reset))));

        assertThatThrownBy(this::read).isInstanceOfSatisfying(TrackerException.class,
                e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.RATE_LIMITED))
                .hasMessageContaining("is rate-limited (HTTP 403); the limit resets at 2026-11-02T10:00:00Z");
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void anExhaustedLimitOnASuccessDelaysTheNextCallUntilTheReset() {
        long reset = clock.instant().plusSeconds(10).getEpochSecond();
        server.stubFor(get(ISSUE).willReturn(okJson(issue).withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", Long.toString(reset))));

        read();
        assertThat(sleeper.waits).isEmpty();
        read();

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void jiraCloudTooManyRequestsWithAnIsoResetIsHonoured() {
        JiraClient jira = new JiraClient(JiraSettings.cloud(Stubs.url(server), "PAY"),
                TrackerCredentials.basic("retro-gate@acme.com", Stubs.TOKEN), Stubs.options(clock, sleeper));
        answerInTurn(() -> post("/rest/api/3/search/jql"), aResponse().withStatus(429)
                .withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", clock.instant().plusSeconds(30).toString()),
                okJson(Stubs.json("jira/search-jql.json").toString()));

        assertThat(jira.states(List.of(new Ticket(TicketSystem.JIRA, "PAY-12", null)), null)).containsKey("PAY-12");

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(31));
    }

    @Test
    void aFailedCreateIsNotRepeatedBecauseTheServerMayHaveFiledTheTicket() {
        server.stubFor(post("/repos/acme/shop/issues").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> github.create(new NewTicket("INC-1-A1", "Title", "", Priority.P0)))
                .isInstanceOfSatisfying(TrackerException.class,
                        e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNAVAILABLE));
        server.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/issues")));
    }

    @Test
    void aRateLimitedCreateIsRepeatedBecauseTheServerDidNothing() {
        answerInTurn(() -> post("/repos/acme/shop/issues"), aResponse().withStatus(429).withHeader("Retry-After", "2"),
                aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(issue));

        assertThat(github.create(new NewTicket("INC-1-A1", "Title", "", Priority.P0)).key()).isEqualTo("acme/shop#42");
        server.verify(2, postRequestedFor(urlEqualTo("/repos/acme/shop/issues")));
    }

    @Test
    void anUnreachableTrackerIsUnavailableAfterTheRetries() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GitHubClient nowhere = new GitHubClient(GitHubSettings.of("acme/shop").withApiUrl("http://127.0.0.1:" + port),
                TrackerCredentials.bearer(Stubs.TOKEN), Stubs.options(clock, sleeper));

        assertThatThrownBy(() -> nowhere.states(List.of(GitHubClientContractTest.ticket("#42")), null))
                .isInstanceOfSatisfying(TrackerException.class,
                        e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNAVAILABLE))
                .hasMessageContaining("could not be reached at 127.0.0.1").hasMessageContaining("tried 4 times");
        assertThat(sleeper.waits).hasSize(3);
    }

    @Test
    void aNonJsonAnswerIsAnUnexpectedResponse() {
        server.stubFor(get(ISSUE).willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        assertThatThrownBy(this::read).isInstanceOfSatisfying(TrackerException.class,
                e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNEXPECTED_RESPONSE))
                .hasMessageContaining("GitHub GET " + ISSUE + " answered with a body that is not JSON");
    }

    @Test
    void aRedirectIsNotFollowedSoTheTokenNeverLeavesTheHost() {
        server.stubFor(post(ISSUE + "/comments").willReturn(aResponse().withStatus(301)
                .withHeader("Location", "https://elsewhere.invalid/repos/acme/shop/issues/42/comments")));

        assertThatThrownBy(() -> github.comment(GitHubClientContractTest.ticket("#42"), "Verified")).isInstanceOfSatisfying(TrackerException.class,
                e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.NOT_FOUND))
                .hasMessageContaining("answered HTTP 301");
        server.verify(1, postRequestedFor(urlEqualTo(ISSUE + "/comments")));
    }

    private TicketState read() {
        return github.states(List.of(GitHubClientContractTest.ticket("#42")), null).get("#42");
    }

    private void answerInTurn(Supplier<MappingBuilder> request, ResponseDefinitionBuilder... answers) {
        String state = Scenario.STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "call " + (i + 2);
            server.stubFor(request.get().inScenario("retries").whenScenarioStateIs(state).willReturn(answers[i])
                    .willSetStateTo(next));
            state = next;
        }
    }
}
