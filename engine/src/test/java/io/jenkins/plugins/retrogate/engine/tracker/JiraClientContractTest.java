package io.jenkins.plugins.retrogate.engine.tracker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jenkins.plugins.retrogate.engine.TestClock;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JiraClientContractTest {
    private final WireMockServer server = Stubs.server();
    private final TestClock clock = new TestClock();
    private final Stubs.RecordingSleeper sleeper = new Stubs.RecordingSleeper(clock);
    private final JiraClient cloud = new JiraClient(JiraSettings.cloud(Stubs.url(server), "PAY"),
            TrackerCredentials.basic("retro-gate@acme.com", Stubs.TOKEN), Stubs.options(clock, sleeper));

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void readsManyTicketsWithOneJqlSearch() {
        JsonNode answer = Stubs.json("jira/search-jql.json");
        ContractSchemas.assertConforms("jira/search-jql.response.json", answer);
        server.stubFor(post("/rest/api/3/search/jql").willReturn(okJson(answer.toString())));

        Map<String, TicketState> states = cloud.states(tickets("PAY-12", "PAY-13", "PAY-14"), null);

        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
        assertThat(requests).hasSize(1);
        JsonNode request = Stubs.body(requests.get(0));
        ContractSchemas.assertConforms("jira/search-jql.request.json", request);
        assertThat(request.get("jql").asText()).isEqualTo("key in (\"PAY-12\", \"PAY-13\", \"PAY-14\")");
        assertThat(request.get("fields")).extracting(JsonNode::asText).containsExactly("status", "resolution", "updated");

        TicketState done = states.get("PAY-12");
        assertThat(done.done()).isTrue();
        assertThat(done.status()).isEqualTo("Done");
        assertThat(done.updatedAt()).isEqualTo(Instant.parse("2026-11-02T08:30:00Z"));
        assertThat(done.url()).isEqualTo(Stubs.url(server) + "/browse/PAY-12");
        assertThat(states.get("PAY-13").closed()).isFalse();
        assertThat(states.get("PAY-13").updatedAt()).isEqualTo(Instant.parse("2026-11-01T16:05:12.345Z"));
        TicketState wontDo = states.get("PAY-14");
        assertThat(wontDo.closed()).isTrue();
        assertThat(wontDo.done()).as("closed as Won't Do is not a fix").isFalse();
        assertThat(wontDo.resolution()).isEqualTo("Won't Do");
    }

    @Test
    void followsNextPageTokenAndSplitsKeysIntoBatchesOfAHundred() {
        ObjectNode first = Stubs.object("jira/search-jql.json");
        first.put("isLast", false);
        first.put("nextPageToken", "CAEaAggD");
        ObjectNode last = Stubs.object("jira/search-jql.json");
        last.putArray("issues");
        ContractSchemas.assertConforms("jira/search-jql.response.json", first);
        server.stubFor(post("/rest/api/3/search/jql").willReturn(okJson(first.toString())));
        server.stubFor(post("/rest/api/3/search/jql")
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.nextPageToken"))
                .willReturn(okJson(last.toString())));
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            keys.add("PAY-" + i);
        }

        cloud.states(tickets(keys.toArray(String[]::new)), null);

        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
        assertThat(requests).hasSize(4); // two batches (100 + 50 keys), each with a second page
        requests.forEach(r -> ContractSchemas.assertConforms("jira/search-jql.request.json", Stubs.body(r)));
        assertThat(Stubs.body(requests.get(1)).get("nextPageToken").asText()).isEqualTo("CAEaAggD");
        assertThat(Stubs.body(requests.get(0)).get("jql").asText().split(",")).hasSize(100);
    }

    @Test
    void aKeyJiraDoesNotKnowIsLeftOutWithoutFailingTheOthers() {
        ObjectNode known = Stubs.object("jira/search-jql.json");
        server.stubFor(post("/rest/api/3/search/jql").willReturn(okJson(known.toString())));
        server.stubFor(post("/rest/api/3/search/jql").withRequestBody(containing("PAY-99"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"errorMessages\":[\"An issue with key 'PAY-99' does not exist for field 'key'.\"],"
                                + "\"warningMessages\":[]}")));

        Map<String, TicketState> states = cloud.states(tickets("PAY-12", "PAY-13", "PAY-14", "PAY-99"), null);

        assertThat(states).containsOnlyKeys("PAY-12", "PAY-13", "PAY-14");
        // all four, then halves (PAY-12, PAY-13 | PAY-14, PAY-99), then PAY-14 and PAY-99 alone
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/rest/api/3/search/jql")))).hasSize(5);
    }

    @Test
    void aRefusedQueryThatNamesNoKeyIsAnError() {
        server.stubFor(post("/rest/api/3/search/jql").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"Field 'status' does not exist.\"]}")));

        assertThatThrownBy(() -> cloud.states(tickets("PAY-12", "PAY-13"), null))
                .isInstanceOfSatisfying(TrackerException.class,
                        e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.REJECTED))
                .hasMessage("Jira POST /rest/api/3/search/jql answered HTTP 400: Field 'status' does not exist.");
    }

    @Test
    void dataCenterSearchesWithRestV2StartAtAndABearerToken() {
        JsonNode answer = Stubs.json("jira/search-dc.json");
        ContractSchemas.assertConforms("jira/search.response.json", answer);
        server.stubFor(post("/jira/rest/api/2/search").willReturn(okJson(answer.toString())));
        JiraClient dataCenter = new JiraClient(JiraSettings.dataCenter(Stubs.url(server) + "/jira", "OPS"),
                TrackerCredentials.bearer(Stubs.TOKEN), Stubs.options(clock, sleeper));

        Map<String, TicketState> states = dataCenter.states(tickets("OPS-7"), null);

        assertThat(states.get("OPS-7").done()).isTrue();
        assertThat(states.get("OPS-7").status()).isEqualTo("Closed");
        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/jira/rest/api/2/search"))).get(0);
        ContractSchemas.assertConforms("jira/search.request.json", Stubs.body(request));
        assertThat(Stubs.body(request).get("validateQuery").asText()).isEqualTo("warn");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer s3cr3t-t0ken-value");
    }

    @Test
    void filesATicketWithADocumentDescriptionLabelsAndMappedPriority() {
        JsonNode answer = Stubs.json("jira/created-issue.json");
        ContractSchemas.assertConforms("jira/created-issue.response.json", answer);
        server.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(answer.toString())));

        Ticket ticket = cloud.create(new NewTicket("INC-1-A1", "[INC-1-A1] Add a circuit breaker",
                "Action item INC-1-A1 from incident INC-1\n\nIncident: https://ci/retro-gate/incident/INC-1/",
                Priority.P0));

        assertThat(ticket).isEqualTo(new Ticket(TicketSystem.JIRA, "PAY-50", Stubs.url(server) + "/browse/PAY-50"));
        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/rest/api/3/issue"))).get(0);
        JsonNode fields = Stubs.body(request).get("fields");
        ContractSchemas.assertConforms("jira/issue-create.request.json", Stubs.body(request));
        assertThat(fields.at("/project/key").asText()).isEqualTo("PAY");
        assertThat(fields.at("/priority/name").asText()).isEqualTo("Highest");
        assertThat(fields.at("/issuetype/name").asText()).isEqualTo("Task");
        assertThat(fields.get("labels")).extracting(JsonNode::asText).containsExactly("retro-gate");
        assertThat(fields.at("/description/type").asText()).isEqualTo("doc");
        assertThat(fields.at("/description/content")).hasSize(2);
        String expected = "Basic " + Base64.getEncoder()
                .encodeToString("retro-gate@acme.com:s3cr3t-t0ken-value".getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeader("Authorization")).isEqualTo(expected);
    }

    @Test
    void restV2SendsPlainTextBodies() {
        server.stubFor(post("/rest/api/2/issue").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Stubs.json("jira/created-issue.json").toString())));
        server.stubFor(post("/rest/api/2/issue/PAY-50/comment").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Stubs.json("jira/comment.json").toString())));
        JiraClient v2 = new JiraClient(JiraSettings.cloud(Stubs.url(server), "PAY").withApiVersion(2),
                TrackerCredentials.basic("retro-gate@acme.com", Stubs.TOKEN), Stubs.options(clock, sleeper));

        Ticket ticket = v2.create(new NewTicket("INC-1-A1", "Title", "first\nsecond", Priority.P2));
        v2.comment(ticket, "Verified");

        JsonNode create = Stubs.body(server.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue"))).get(0));
        ContractSchemas.assertConforms("jira/issue-create.request.json", create);
        assertThat(create.at("/fields/description").asText()).isEqualTo("first\n\nsecond");
        assertThat(create.at("/fields/priority/name").asText()).isEqualTo("Medium");
        JsonNode comment = Stubs.body(server.findAll(postRequestedFor(urlEqualTo("/rest/api/2/issue/PAY-50/comment"))).get(0));
        ContractSchemas.assertConforms("jira/comment.request.json", comment);
        assertThat(comment.get("body").asText()).isEqualTo("Verified");
    }

    @Test
    void commentsAndClosesThroughTheTransitionIntoADoneStatus() {
        JsonNode comment = Stubs.json("jira/comment.json");
        JsonNode transitions = Stubs.json("jira/transitions.json");
        ContractSchemas.assertConforms("jira/comment.response.json", comment);
        ContractSchemas.assertConforms("jira/transitions.response.json", transitions);
        server.stubFor(post("/rest/api/3/issue/PAY-13/comment").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(comment.toString())));
        server.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PAY-13"))
                .willReturn(okJson(Stubs.json("jira/issue-in-progress.json").toString())));
        server.stubFor(get("/rest/api/3/issue/PAY-13/transitions").willReturn(okJson(transitions.toString())));
        server.stubFor(post("/rest/api/3/issue/PAY-13/transitions").willReturn(aResponse().withStatus(204)));
        Ticket ticket = new Ticket(TicketSystem.JIRA, "PAY-13", null);

        cloud.comment(ticket, "Verified in production\nAction item INC-1-A1 is VERIFIED");
        cloud.close(ticket);

        JsonNode sentComment = Stubs.body(server.findAll(postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-13/comment"))).get(0));
        ContractSchemas.assertConforms("jira/comment.request.json", sentComment);
        assertThat(sentComment.at("/body/content")).hasSize(2);
        JsonNode transition = Stubs.body(server.findAll(postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-13/transitions"))).get(0));
        ContractSchemas.assertConforms("jira/transition.request.json", transition);
        assertThat(transition.at("/transition/id").asText()).isEqualTo("31");
    }

    @Test
    void closingATicketWithoutADoneTransitionNamesTheTransitionsThereAre() {
        ObjectNode transitions = Stubs.object("jira/transitions.json");
        ((com.fasterxml.jackson.databind.node.ArrayNode) transitions.get("transitions")).remove(1);
        server.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PAY-13"))
                .willReturn(okJson(Stubs.json("jira/issue-in-progress.json").toString())));
        server.stubFor(get("/rest/api/3/issue/PAY-13/transitions").willReturn(okJson(transitions.toString())));

        assertThatThrownBy(() -> cloud.close(new Ticket(TicketSystem.JIRA, "PAY-13", null)))
                .isInstanceOfSatisfying(TrackerException.class, e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.REJECTED))
                .hasMessageContaining("PAY-13 has no transition into a done status")
                .hasMessageContaining("Start Progress → In Progress");
        server.verify(0, postRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-13/transitions")));
    }

    @Test
    void closingATicketThatIsAlreadyDoneChangesNothing() {
        JsonNode done = Stubs.json("jira/search-jql.json").get("issues").get(0);
        server.stubFor(get(urlPathEqualTo("/rest/api/3/issue/PAY-12")).willReturn(okJson(done.toString())));

        cloud.close(new Ticket(TicketSystem.JIRA, "PAY-12", null));

        server.verify(0, getRequestedFor(urlEqualTo("/rest/api/3/issue/PAY-12/transitions")));
    }

    @Test
    void anUnexpectedShapeIsAnErrorNamingTheEndpointAndTheField() {
        ObjectNode answer = Stubs.object("jira/search-jql.json");
        ((ObjectNode) answer.at("/issues/1/fields/status")).remove("statusCategory");
        assertThat(ContractSchemas.errors("jira/search-jql.response.json", answer)).isNotEmpty();
        server.stubFor(post("/rest/api/3/search/jql").willReturn(okJson(answer.toString())));

        assertThatThrownBy(() -> cloud.states(tickets("PAY-12", "PAY-13"), null))
                .isInstanceOfSatisfying(TrackerException.class,
                        e -> assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNEXPECTED_RESPONSE))
                .hasMessage("Jira POST /rest/api/3/search/jql answered an unexpected shape: field "
                        + "'issues[1].fields.status.statusCategory' is missing (expected an object)");
    }

    @Test
    void aTimestampInAnotherFormIsAnError() {
        ObjectNode answer = Stubs.object("jira/search-jql.json");
        ((ObjectNode) answer.at("/issues/0/fields")).put("updated", "yesterday");
        server.stubFor(post("/rest/api/3/search/jql").willReturn(okJson(answer.toString())));

        assertThatThrownBy(() -> cloud.states(tickets("PAY-12"), null))
                .hasMessageContaining("field 'issues[0].fields.updated' is 'yesterday', not a Jira time");
    }

    @Test
    void refusedCredentialsNameTheUserButNeverTheToken() {
        server.stubFor(post("/rest/api/3/search/jql").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errorMessages\":[\"Token s3cr3t-t0ken-value is not valid\"],\"errors\":{}}")));

        assertThatThrownBy(() -> cloud.states(tickets("PAY-12"), null))
                .isInstanceOfSatisfying(TrackerException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNAUTHORIZED);
                    assertThat(e.getMessage()).contains("retro-gate@acme.com").contains("Token ****** is not valid")
                            .doesNotContain("s3cr3t");
                });
        assertThat(sleeper.waits).as("401 is not retried").isEmpty();
    }

    @Test
    void testConnectionNamesTheUserAndTheProject() {
        server.stubFor(get("/rest/api/3/myself").willReturn(okJson(Stubs.json("jira/myself.json").toString())));
        server.stubFor(get("/rest/api/3/project/PAY").willReturn(okJson(Stubs.json("jira/project.json").toString())));

        assertThat(cloud.checkConnection()).isEqualTo("Connected to Jira Cloud at " + Stubs.url(server)
                + " as Retro Gate; project PAY is visible");
        server.verify(getRequestedFor(urlEqualTo("/rest/api/3/myself"))
                .withHeader("Accept", equalTo("application/json")));
    }

    static List<Ticket> tickets(String... keys) {
        List<Ticket> tickets = new ArrayList<>();
        for (String key : keys) {
            tickets.add(new Ticket(TicketSystem.JIRA, key, null));
        }
        return tickets;
    }
}
