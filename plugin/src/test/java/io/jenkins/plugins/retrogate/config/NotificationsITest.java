package io.jenkins.plugins.retrogate.config;

import static io.jenkins.plugins.retrogate.Fixtures.engine;
import static io.jenkins.plugins.retrogate.Fixtures.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.sun.net.httpserver.HttpServer;
import hudson.util.Secret;
import io.jenkins.plugins.retrogate.Fixtures;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.notify.Notifier;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The controller announces override requests to a real webhook; its secrets come from credentials. */
@WithJenkins
class NotificationsITest {
    private static final String BUILD = "https://ci/job/deploy/7/";
    private final List<String[]> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            calls.add(new String[] {exchange.getRequestURI().getPath(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(Notifier.SIGNATURE)});
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().startsWith("/down") ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "hook-secret", "webhook signing secret", Secret.fromString("s3cret")));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "slack-url", "Slack webhook", Secret.fromString(url("/services/T0/B0/XYZ"))));
        SystemCredentialsProvider.getInstance().save();
        Fixtures.blockingItem("checkout-api");
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Decision gate() {
        return engine().gate(Actor.of("alice"), GateRequest.of("checkout-api", "production", null, BUILD, "alice",
                List.of(), null, Instant.now())).decision().decision();
    }

    @Test
    void aBlockedDeploymentIsAnnouncedSignedWithTheSecretFromCredentialsAndToSlack() throws Exception {
        NotificationSettings settings = NotificationSettings.get();
        settings.setWebhookUrl(url("/hook"));
        settings.setWebhookSecretCredentialsId("hook-secret");
        settings.setSlackCredentialsId("slack-url");

        assertThat(gate()).isEqualTo(Decision.BLOCK);

        eventually("the webhook and Slack are called", () -> calls.size() == 2);
        String[] hook = calls.stream().filter(c -> c[0].equals("/hook")).findFirst().orElseThrow();
        assertThat(hook[1]).contains("\"event\":\"override.requested\"", "\"service\":\"checkout-api\"");
        assertThat(hook[2]).isEqualTo("sha256=" + Notifier.hmac("s3cret", hook[1]));
        assertThat(calls).anySatisfy(c -> assertThat(c[0]).isEqualTo("/services/T0/B0/XYZ"));
    }

    @Test
    void aReceiverThatStaysDownChangesNoDecisionAndShowsInTheReport() throws Exception {
        NotificationSettings.get().setWebhookUrl(url("/down/hook"));

        assertThat(gate()).isEqualTo(Decision.BLOCK);

        eventually("the failure is recorded", () -> !engine().report(30, null).notificationFailures().isEmpty());
        assertThat(calls).hasSize(4);
        assertThat(engine().report(30, null).notificationFailures().get(0).target()).doesNotContain("/down/hook");
        assertThat(gate()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void aWebhookUrlThatIsNotHttpIsRefusedNamingTheField() {
        assertThatThrownBy(() -> NotificationSettings.get().setWebhookUrl("file:///etc/passwd"))
                .hasMessageContaining("webhookUrl").hasMessageContaining("http:// or https://");
        assertThat(NotificationSettings.get().getWebhookUrl()).isNull();
    }
}
