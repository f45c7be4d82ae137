package io.jenkins.plugins.retrogate.engine.notify;

import static io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE;
import static io.jenkins.plugins.retrogate.engine.model.Priority.P0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.GateOutcome;
import io.jenkins.plugins.retrogate.engine.event.NotificationFailed;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import io.jenkins.plugins.retrogate.engine.report.Report;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Release managers hear of override requests through real webhooks; a receiver that fails changes nothing. */
class OverrideNotificationsTest {
    private static final String BUILD = "https://ci/job/deploy/7/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario = new Scenario();
    private final Actor bob = Actor.of("bob", Permission.OVERRIDE);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Requests to answer with 500 before answering 200 (per path). */
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private HttpServer server;

    record Call(String path, String body, String signature) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestURI().getPath(), body,
                    exchange.getRequestHeaders().getFirst(Notifier.SIGNATURE)));
            int status = exchange.getRequestURI().getPath().startsWith("/down") || failuresLeft.getAndDecrement() > 0
                    ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        Incident incident = scenario.rollback("checkout-api");
        scenario.item(incident, P0, PREVENTATIVE, null);
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private OverrideNotifications listen(NotificationTarget... targets) {
        return OverrideNotifications.listen(scenario.gate,
                new Notifier(List.of(targets), Duration.ofMillis(5), Duration.ofSeconds(5), scenario.clock));
    }

    private GateOutcome gateAs(String requester) {
        return scenario.gate.gate(Actor.of(requester), GateRequest.of("checkout-api", "production", null, BUILD,
                requester, List.of(), null, scenario.clock.instant()));
    }

    @Test
    void aBlockedDeploymentIsAnnouncedAsSignedJsonAndAsASlackMessage() throws IOException {
        OverrideNotifications notifications = listen(NotificationTarget.of("webhook.url", url("/hook"), "json", "s3cret"),
                NotificationTarget.of("slack.url", url("/slack/T000/B000/XXXX"), "slack", null));

        GateOutcome outcome = gateAs("alice");
        List<NotificationFailed> failed = notifications.deliver();

        assertThat(failed).isEmpty();
        assertThat(calls).hasSize(2);
        Call hook = calls.get(0);
        JsonNode json = hook.json();
        assertThat(json.get("event").asText()).isEqualTo("override.requested");
        assertThat(json.get("id").asText()).isEqualTo(outcome.request().id());
        assertThat(json.get("service").asText()).isEqualTo("checkout-api");
        assertThat(json.get("buildUrl").asText()).isEqualTo(BUILD);
        assertThat(json.get("blockingItems")).hasSize(1);
        assertThat(hook.signature()).isEqualTo("sha256=" + Notifier.hmac("s3cret", hook.body()));
        Call slack = calls.get(1);
        assertThat(slack.path()).isEqualTo("/slack/T000/B000/XXXX");
        assertThat(slack.signature()).isNull();
        assertThat(slack.json().get("text").asText()).contains("Override requested for checkout-api → production",
                "retro-gate override approve " + outcome.request().id());
    }

    @Test
    void approvalsAndDenialsAreAnnouncedToo() throws IOException {
        OverrideNotifications notifications = listen(NotificationTarget.of("webhook.url", url("/hook"), "json", null));
        String first = gateAs("alice").request().id();
        scenario.gate.denyOverride(bob, first, "not during the sale");
        notifications.deliver();

        assertThat(calls).extracting(c -> c.json().get("event").asText())
                .containsExactly("override.requested", "override.denied");
        assertThat(calls.get(1).json().get("reason").asText()).isEqualTo("not during the sale");
    }

    @Test
    void eachOfSeveralRequiredApprovalsIsAnnouncedWithWhatIsStillMissing() throws IOException {
        scenario.policy = io.jenkins.plugins.retrogate.engine.config.PolicyFile.read(JSON.readTree(
                        "{\"approvals\": [{\"environment\": \"production\", \"required\": 2}]}"));
        OverrideNotifications notifications = listen(NotificationTarget.of("webhook.url", url("/hook"), "json", null));
        String request = gateAs("alice").request().id();
        scenario.gate.approveRequest(bob, request, false, "hotfix", null);
        scenario.gate.approveRequest(Actor.of("carol", io.jenkins.plugins.retrogate.engine.model.Permission.OVERRIDE),
                request, false, "agreed", null);
        notifications.deliver();

        assertThat(calls).extracting(c -> c.json().get("event").asText())
                .containsExactly("override.requested", "override.approval-given", "override.approved");
        JsonNode partial = calls.get(1).json();
        assertThat(partial.get("required").asInt()).isEqualTo(2);
        assertThat(partial.get("approvers")).extracting(JsonNode::asText).containsExactly("bob");
        assertThat(partial.get("text").asText()).contains("bob approved the override of checkout-api → production",
                "1 of 2 approvals (bob); 1 more release manager must approve", "retro-gate override approve " + request);
        assertThat(calls.get(2).json().get("approvers")).extracting(JsonNode::asText).containsExactly("bob", "carol");
        assertThat(calls.get(2).json().get("text").asText()).contains("by bob, carol");
    }

    @Test
    void aReceiverThatFailsIsTriedAgainWithBackOffAndThenSucceeds() {
        failuresLeft.set(2);
        OverrideNotifications notifications = listen(NotificationTarget.of("webhook.url", url("/hook"), "json", null));

        gateAs("alice");

        assertThat(notifications.deliver()).isEmpty();
        assertThat(calls).hasSize(3).extracting(Call::body).containsOnly(calls.get(0).body());
    }

    @Test
    void aReceiverThatStaysDownIsRecordedForTheReportAndTheDecisionStands() {
        OverrideNotifications notifications = listen(
                NotificationTarget.of("webhook.url", url("/down/T000/secret-path"), "slack", null));

        GateOutcome outcome = gateAs("alice");
        List<NotificationFailed> failed = notifications.deliver();
        scenario.gate.recordNotificationFailures(failed);

        assertThat(outcome.decision().decision()).isEqualTo(Decision.BLOCK);
        assertThat(calls).hasSize(4);
        assertThat(failed).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo(outcome.request().id());
            assertThat(f.target()).isEqualTo("http://127.0.0.1:" + server.getAddress().getPort())
                    .doesNotContain("secret-path");
            assertThat(f.error()).contains("HTTP 500");
            assertThat(f.attempts()).isEqualTo(4);
        });
        assertThat(scenario.gate.evaluate(GateRequest.of("checkout-api", "production", null, BUILD, "alice",
                List.of(), null, scenario.clock.instant())).decision()).isEqualTo(Decision.BLOCK);
        assertThat(scenario.gate.state().request(outcome.request().id()).orElseThrow().status().name())
                .isEqualTo("PENDING");
        Report report = scenario.gate.report(30, null);
        assertThat(report.notificationFailures()).singleElement()
                .satisfies(f -> assertThat(f.subject()).isEqualTo(outcome.request().id()));
    }

    @Test
    void anUnreachableReceiverIsRecordedWithoutItsPath() throws IOException {
        int port;
        try (java.net.ServerSocket gone = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        OverrideNotifications notifications = listen(
                NotificationTarget.of("webhook.url", "http://127.0.0.1:" + port + "/hooks/abc/xyz", "json", "k"));

        gateAs("alice");

        assertThat(notifications.deliver()).singleElement()
                .satisfies(f -> assertThat(f.error()).contains("reaching http://127.0.0.1:" + port)
                        .doesNotContain("/hooks/abc"));
    }

    @Test
    void aBadTargetIsRefusedNamingTheFieldWithoutItsSecretPath() {
        assertThatThrownBy(() -> NotificationTarget.of("slack.url", "ftp://hooks.slack.com/services/T0/B0/SECRET",
                "slack", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("slack.url").hasMessageContaining("http:// or https://")
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> NotificationTarget.of("webhook.url", url("/hook"), "teams", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("webhook.format")
                .hasMessageContaining("'teams'").hasMessageContaining("json, slack");
    }

    @Test
    void slackMarkupInUserTextIsEscaped() {
        assertThat(Notification.slackEscaped("<!channel> & <@U123>")).isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt;");
    }
}
