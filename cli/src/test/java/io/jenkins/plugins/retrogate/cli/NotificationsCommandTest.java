package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.retrogate.engine.notify.Notifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notifications.yaml: release managers hear of override requests; a receiver that fails changes no decision. */
class NotificationsCommandTest {
    private static final String BUILD = "https://ci/job/checkout/7/";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;
    Cli cli;
    HttpServer server;
    final List<String[]> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            calls.add(new String[] {exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(Notifier.SIGNATURE)});
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/down") ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        cli = new Cli(home);
        cli.incidentWithItems();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void configure(String yaml) throws IOException {
        Files.writeString(home.resolve("notifications.yaml"), yaml);
    }

    private Cli.Result gateOfAlice() {
        return cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", BUILD);
    }

    @Test
    void aBlockedGateAndTheApprovalReachTheWebhookSignedAndTheSlackChannel() throws IOException {
        configure("webhooks:\n  - url: " + url("/hook") + "\n    secretVariable: HOOK_SECRET\n"
                + "  - urlVariable: SLACK_URL\n    format: slack\n");
        cli.variables.put("HOOK_SECRET", "s3cret");
        cli.variables.put("SLACK_URL", url("/services/T0/B0/XYZ"));

        Cli.Result gate = gateOfAlice();
        Cli.Result approve = cli.run("--actor", "bob", "override", "approve", "REQ-1", "--reason", "hotfix");

        assertThat(gate.code()).isEqualTo(3);
        assertThat(approve.code()).as(approve.toString()).isZero();
        assertThat(calls).hasSize(4);
        JsonNode requested = JSON.readTree(calls.get(0)[1]);
        assertThat(requested.get("event").asText()).isEqualTo("override.requested");
        assertThat(requested.get("id").asText()).isEqualTo("REQ-1");
        assertThat(calls.get(0)[2]).isEqualTo("sha256=" + Notifier.hmac("s3cret", calls.get(0)[1]));
        assertThat(calls.get(1)[0]).isEqualTo("/services/T0/B0/XYZ");
        assertThat(JSON.readTree(calls.get(1)[1]).get("text").asText()).contains("Override requested for checkout-api");
        assertThat(JSON.readTree(calls.get(2)[1]).get("event").asText()).isEqualTo("override.approved");
        assertThat(JSON.readTree(calls.get(3)[1]).get("text").asText()).contains("approved", "by bob", "hotfix");
    }

    @Test
    void aReceiverThatIsDownLeavesTheDecisionAloneAndShowsInTheReport() throws IOException {
        configure("webhooks:\n  - url: " + url("/down/secret-path") + "\n");

        Cli.Result gate = gateOfAlice();
        Cli.Result report = cli.run("--json", "report");

        assertThat(gate.code()).isEqualTo(3);
        assertThat(gate.out()).contains("BLOCK: checkout-api → production");
        assertThat(gate.err()).contains("could not notify json http://127.0.0.1:", "REQ-1 requested", "HTTP 503")
                .doesNotContain("secret-path");
        assertThat(calls).hasSize(4);
        JsonNode failure = report.json().get("notificationFailures").get(0);
        assertThat(failure.get("subject").asText()).isEqualTo("REQ-1");
        assertThat(failure.get("error").asText()).contains("HTTP 503");
        assertThat(cli.run("report").out()).contains("Notifications that could not be delivered (no decision changed): 1");
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndNothingChanges() throws IOException {
        String[][] cases = {
            {"webhooks:\n  - url: " + url("/hook") + "\n    secret: hunter2\n", "webhooks[0].secret: a secret is never read"},
            {"webhooks:\n  - url: ftp://example.com/x\n", "webhooks[0].url", "http:// or https://"},
            {"webhooks:\n  - urlVariable: NOT_SET_ANYWHERE\n", "webhooks[0].urlVariable names $NOT_SET_ANYWHERE, which is not set"},
            {"webhooks:\n  - url: " + url("/hook") + "\n    format: teams\n", "webhooks[0].format", "'teams'", "json, slack"},
            {"webhooks:\n  - url: " + url("/hook") + "\n    colour: red\n", "webhooks[0].colour is not a field of notifications.yaml"},
            {"webhooks: []\n", "webhooks must be a list of receivers"},
        };
        for (String[] c : cases) {
            configure(c[0]);
            var before = cli.fingerprint();

            Cli.Result result = gateOfAlice();

            assertThat(result.code()).as(c[0]).isEqualTo(2);
            assertThat(result.err()).as(c[0]).contains(List.of(c).subList(1, c.length)).doesNotContain("hunter2");
            assertThat(cli.fingerprint()).as(c[0]).isEqualTo(before);
            assertThat(calls).isEmpty();
        }
    }
}
