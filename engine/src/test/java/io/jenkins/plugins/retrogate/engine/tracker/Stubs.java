package io.jenkins.plugins.retrogate.engine.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.jenkins.plugins.retrogate.engine.TestClock;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real-shaped stub responses (under {@code tracker/stubs/}), a local server, and a sleeper that only records. */
final class Stubs {
    static final TrackerSecret TOKEN = TrackerSecret.of("s3cr3t-t0ken-value");

    private Stubs() {
    }

    /** A WireMock server on the loopback interface, on a free port. */
    static WireMockServer server() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .dynamicPort());
        server.start();
        return server;
    }

    static String url(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static JsonNode json(String resource) {
        try (InputStream in = Stubs.class.getResourceAsStream("/tracker/stubs/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub " + resource);
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object(String resource) {
        return (ObjectNode) json(resource);
    }

    static String text(JsonNode node) {
        return node.toString();
    }

    static JsonNode body(LoggedRequest request) {
        try {
            return EventJson.mapper().readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GitHub issue like the stub, with its number, state, reason and update time replaced. */
    static ObjectNode githubIssue(String repository, int number, String state, String reason, String updatedAt) {
        ObjectNode issue = object("github/issue.json");
        String api = "https://api.github.com/repos/" + repository + "/issues/" + number;
        issue.put("number", number);
        issue.put("url", api);
        issue.put("repository_url", "https://api.github.com/repos/" + repository);
        issue.put("comments_url", api + "/comments");
        issue.put("events_url", api + "/events");
        issue.put("labels_url", api + "/labels{/name}");
        issue.put("html_url", "https://github.com/" + repository + "/issues/" + number);
        issue.put("state", state);
        if (reason == null) {
            issue.putNull("state_reason");
        } else {
            issue.put("state_reason", reason);
        }
        issue.put("updated_at", updatedAt);
        if (state.equals("closed")) {
            issue.put("closed_at", updatedAt);
        }
        return issue;
    }

    static HttpOptions options(TestClock clock, RecordingSleeper sleeper) {
        return HttpOptions.defaults().withClock(clock).withSleeper(sleeper);
    }

    static URI uri(String text) {
        return URI.create(text);
    }

    /** Records the waits and moves the test clock on instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new ArrayList<>();
        private final TestClock clock;

        RecordingSleeper(TestClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            clock.advance(duration);
        }
    }

    static String asString(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
