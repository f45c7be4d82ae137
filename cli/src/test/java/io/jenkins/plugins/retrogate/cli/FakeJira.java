package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Jira Cloud on the loopback interface, answering {@code POST /rest/api/3/search/jql} in the shape
 * Jira's OpenAPI description gives (issues with key, status, status category, resolution, updated),
 * and {@code POST /rest/api/3/issue} (filing a ticket: {@code PAY-50}, {@code PAY-51}, …).
 * It can be made to fail: 503 (an outage), or 401 with an error that echoes the credentials it got
 * (so tests can prove they are scrubbed).
 */
final class FakeJira implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, ObjectNode> issues = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<JsonNode> searches = new CopyOnWriteArrayList<>();
    final List<JsonNode> created = new CopyOnWriteArrayList<>();
    volatile int failWith;
    /** When set, every request waits for it to open (a tracker that does not answer); {@link #arrived} counts down first. */
    volatile java.util.concurrent.CountDownLatch hold;
    final java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);

    FakeJira() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets a ticket's state: status name, its category key (new, indeterminate, done) and resolution. */
    void ticket(String key, String status, String category, String resolution, String updated) {
        ObjectNode issue = JSON.createObjectNode();
        issue.put("id", String.valueOf(10_000 + issues.size()));
        issue.put("key", key);
        issue.put("self", url() + "/rest/api/3/issue/" + key);
        ObjectNode fields = issue.putObject("fields");
        ObjectNode statusNode = fields.putObject("status");
        statusNode.put("name", status).put("id", "3");
        statusNode.putObject("statusCategory").put("key", category).put("id", 3).put("name", category);
        if (resolution == null) {
            fields.putNull("resolution");
        } else {
            fields.putObject("resolution").put("name", resolution).put("id", "10000");
        }
        fields.put("updated", updated);
        issues.put(key, issue);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String line = exchange.getRequestMethod() + " " + exchange.getRequestURI();
        requests.add(line);
        byte[] request = exchange.getRequestBody().readAllBytes();
        arrived.countDown();
        java.util.concurrent.CountDownLatch waitFor = hold;
        if (waitFor != null) {
            try {
                waitFor.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failWith == 503) {
            send(exchange, 503, "{\"errorMessages\":[\"Service Unavailable\"],\"errors\":{}}");
            return;
        }
        if (failWith == 401) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            send(exchange, 401, "{\"errorMessages\":[\"Client must be authenticated; you sent " + auth
                    + " which is " + decoded(auth) + "\"],\"errors\":{}}");
            return;
        }
        if (line.equals("POST /rest/api/3/search/jql")) {
            JsonNode body = JSON.readTree(request);
            searches.add(body);
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode found = answer.putArray("issues");
            String jql = body.path("jql").asText();
            issues.forEach((key, issue) -> {
                if (jql.contains("\"" + key + "\"")) {
                    found.add(issue);
                }
            });
            answer.put("isLast", true);
            send(exchange, 200, answer.toString());
            return;
        }
        if (line.equals("POST /rest/api/3/issue")) {
            created.add(JSON.readTree(request));
            String key = "PAY-" + (50 + created.size() - 1);
            send(exchange, 201, "{\"id\":\"" + (10_050 + created.size()) + "\",\"key\":\"" + key + "\",\"self\":\""
                    + url() + "/rest/api/3/issue/" + key + "\"}");
            return;
        }
        send(exchange, 404, "{\"errorMessages\":[\"no stub for " + line + "\"],\"errors\":{}}");
    }

    private static String decoded(String auth) {
        if (auth == null || !auth.startsWith("Basic ")) {
            return "";
        }
        return new String(java.util.Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
