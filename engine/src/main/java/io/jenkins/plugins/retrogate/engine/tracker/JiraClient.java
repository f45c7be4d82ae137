package io.jenkins.plugins.retrogate.engine.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Jira Cloud and Data Center over REST ({@code /rest/api/2} or {@code /3}). Ticket states are read in
 * batches of up to {@value #BATCH} keys with one JQL query {@code key in (…)} each: on Cloud through
 * {@code POST /rest/api/3/search/jql} (paged by {@code nextPageToken}), on Data Center through
 * {@code POST /rest/api/2/search} (paged by {@code startAt}, with {@code validateQuery: warn} so that
 * one deleted key does not fail the batch).
 */
public final class JiraClient implements TrackerClient {
    static final int BATCH = 100;
    private static final int MAX_PAGES = 50;
    private static final List<String> STATE_FIELDS = List.of("status", "resolution", "updated");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JiraSettings settings;
    private final TrackerHttp http;
    private final String api;

    public JiraClient(JiraSettings settings, TrackerCredentials credentials, HttpOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new TrackerHttp("Jira", settings.baseUrl(), credentials, Map.of(), options);
        this.api = "/rest/api/" + settings.apiVersion();
    }

    public JiraSettings settings() {
        return settings;
    }

    @Override
    public TicketSystem system() {
        return TicketSystem.JIRA;
    }

    @Override
    public boolean serves(Ticket ticket) {
        return ticket != null && ticket.system() == TicketSystem.JIRA;
    }

    @Override
    public Ticket create(NewTicket ticket) {
        ObjectNode fields = JSON.objectNode();
        fields.putObject("project").put("key", settings.projectKey());
        fields.put("summary", ticket.title());
        fields.putObject("issuetype").put("name", settings.issueType());
        fields.set("description", text(ticket.paragraphs()));
        ArrayNode labels = fields.putArray("labels");
        settings.labels().forEach(labels::add);
        String priority = settings.priorities().get(ticket.priority());
        if (priority != null) {
            fields.putObject("priority").put("name", priority);
        }
        ObjectNode body = JSON.objectNode();
        body.set("fields", fields);
        TrackerHttp.Reply reply = http.send("POST", api + "/issue", body, false);
        Fields read = new Fields(reply.endpoint());
        String key = read.text(reply.body(), "", "key");
        read.text(reply.body(), "", "id");
        return new Ticket(TicketSystem.JIRA, key, browseUrl(key));
    }

    @Override
    public Map<String, TicketState> states(Collection<Ticket> tickets, Instant changedSince) {
        // Jira answers a key list in one query whatever changed, so changedSince is not needed.
        List<String> keys = tickets.stream().filter(this::serves).map(Ticket::key).distinct().sorted().toList();
        Map<String, TicketState> result = new LinkedHashMap<>();
        for (int from = 0; from < keys.size(); from += BATCH) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
            for (TicketState state : searchSkippingUnknownKeys(batch)) {
                result.put(state.ticket().key(), state);
            }
        }
        return result;
    }

    /**
     * Jira Cloud refuses a whole {@code key in (…)} query when one key does not exist (or is not
     * visible). Then the batch is halved until the refused key stands alone; it is left out of the
     * answer (the sync reports it as not found) only if Jira's refusal names it, otherwise the
     * refusal is a real error and is thrown.
     */
    private List<TicketState> searchSkippingUnknownKeys(List<String> keys) {
        try {
            return search(keys);
        } catch (TrackerException e) {
            if (e.kind() != TrackerException.Kind.REJECTED) {
                throw e;
            }
            if (keys.size() == 1) {
                if (e.getMessage().contains("'" + keys.get(0) + "'")) {
                    return List.of();
                }
                throw e;
            }
            List<TicketState> states = new ArrayList<>(searchSkippingUnknownKeys(keys.subList(0, keys.size() / 2)));
            states.addAll(searchSkippingUnknownKeys(keys.subList(keys.size() / 2, keys.size())));
            return states;
        }
    }

    private List<TicketState> search(List<String> keys) {
        String jql = "key in (" + keys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", ")) + ")";
        List<TicketState> states = new ArrayList<>();
        String pageToken = null;
        int startAt = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode body = JSON.objectNode();
            body.put("jql", jql);
            STATE_FIELDS.forEach(body.putArray("fields")::add);
            body.put("maxResults", BATCH);
            TrackerHttp.Reply reply;
            if (settings.deployment() == JiraSettings.Deployment.CLOUD) {
                if (pageToken != null) {
                    body.put("nextPageToken", pageToken);
                }
                reply = http.send("POST", api + "/search/jql", body, true);
            } else {
                body.put("startAt", startAt);
                body.put("validateQuery", "warn");
                reply = http.send("POST", api + "/search", body, true);
            }
            Fields read = new Fields(reply.endpoint());
            JsonNode issues = read.array(reply.body(), "", "issues");
            for (int i = 0; i < issues.size(); i++) {
                states.add(state(read, issues.get(i), "issues[" + i + "]"));
            }
            if (settings.deployment() == JiraSettings.Deployment.CLOUD) {
                pageToken = read.optionalText(reply.body(), "", "nextPageToken");
                boolean last = reply.body().has("isLast") && read.bool(reply.body(), "", "isLast");
                if (pageToken == null || last || issues.isEmpty()) {
                    return states;
                }
            } else {
                long total = read.integer(reply.body(), "", "total");
                startAt += issues.size();
                if (issues.isEmpty() || startAt >= total) {
                    return states;
                }
            }
        }
        throw new TrackerException(TrackerException.Kind.UNEXPECTED_RESPONSE,
                "Jira search for " + keys.size() + " keys did not end after " + MAX_PAGES + " pages");
    }

    private TicketState state(Fields read, JsonNode issue, String path) {
        if (!issue.isObject()) {
            throw read.missing(path, issue, "an issue object");
        }
        String key = read.text(issue, path, "key");
        JsonNode fields = read.object(issue, path, "fields");
        String fieldsPath = Fields.path(path, "fields");
        JsonNode status = read.object(fields, fieldsPath, "status");
        String statusPath = Fields.path(fieldsPath, "status");
        String statusName = read.text(status, statusPath, "name");
        JsonNode category = read.object(status, statusPath, "statusCategory");
        String categoryKey = read.text(category, Fields.path(statusPath, "statusCategory"), "key");
        JsonNode resolutionNode = read.nullableObject(fields, fieldsPath, "resolution");
        String resolution = resolutionNode == null ? null
                : read.text(resolutionNode, Fields.path(fieldsPath, "resolution"), "name");
        Instant updated = read.jiraTime(fields, fieldsPath, "updated");
        boolean closed = settings.isClosed(categoryKey, statusName);
        boolean done = closed && !settings.isNotFixed(resolution);
        return new TicketState(new Ticket(TicketSystem.JIRA, key, browseUrl(key)), statusName, closed, done,
                resolution, updated, browseUrl(key));
    }

    @Override
    public void comment(Ticket ticket, String text) {
        ObjectNode body = JSON.objectNode();
        body.set("body", text(text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()));
        TrackerHttp.Reply reply = http.send("POST", api + "/issue/" + key(ticket) + "/comment", body, false);
        new Fields(reply.endpoint()).text(reply.body(), "", "id");
    }

    @Override
    public void close(Ticket ticket) {
        String key = key(ticket);
        TrackerHttp.Reply current = http.get(api + "/issue/" + key + "?fields=status,resolution,updated");
        Fields read = new Fields(current.endpoint());
        if (!current.body().isObject()) {
            throw read.missing("(body)", current.body(), "an issue object");
        }
        if (state(read, current.body(), "").closed()) {
            return;
        }
        TrackerHttp.Reply reply = http.get(api + "/issue/" + key + "/transitions");
        read = new Fields(reply.endpoint());
        JsonNode transitions = read.array(reply.body(), "", "transitions");
        List<String> available = new ArrayList<>();
        String chosen = null;
        for (int i = 0; i < transitions.size() && chosen == null; i++) {
            String path = "transitions[" + i + "]";
            JsonNode transition = transitions.get(i);
            String id = read.text(transition, path, "id");
            String name = read.text(transition, path, "name");
            JsonNode to = read.object(transition, path, "to");
            String toName = read.text(to, Fields.path(path, "to"), "name");
            String category = read.text(read.object(to, Fields.path(path, "to"), "statusCategory"),
                    Fields.path(path, "to.statusCategory"), "key");
            available.add(name + " → " + toName);
            boolean wanted = settings.closeTransition() != null ? settings.closeTransition().equalsIgnoreCase(name)
                    : settings.isClosed(category, toName);
            if (wanted) {
                chosen = id;
            }
        }
        if (chosen == null) {
            throw new TrackerException(TrackerException.Kind.REJECTED, reply.endpoint() + ": " + key
                    + " has no transition " + (settings.closeTransition() == null ? "into a done status"
                            : "named '" + settings.closeTransition() + "'")
                    + "; available: " + (available.isEmpty() ? "none" : String.join(", ", new TreeSet<>(available)))
                    + ". Set the close transition in the Jira settings or close the ticket by hand");
        }
        ObjectNode body = JSON.objectNode();
        body.putObject("transition").put("id", chosen);
        http.send("POST", api + "/issue/" + key + "/transitions", body, false);
    }

    @Override
    public String checkConnection() {
        TrackerHttp.Reply me = http.get(api + "/myself");
        String name = new Fields(me.endpoint()).text(me.body(), "", "displayName");
        TrackerHttp.Reply project = http.get(api + "/project/" + settings.projectKey());
        new Fields(project.endpoint()).text(project.body(), "", "key");
        return "Connected to Jira " + (settings.deployment() == JiraSettings.Deployment.CLOUD ? "Cloud" : "Data Center")
                + " at " + settings.baseUrl() + " as " + name + "; project " + settings.projectKey() + " is visible";
    }

    /** A body: Atlassian Document Format paragraphs for REST v3, plain text for v2. */
    private JsonNode text(List<String> paragraphs) {
        if (settings.apiVersion() == 2) {
            return JSON.textNode(String.join("\n\n", paragraphs));
        }
        ObjectNode doc = JSON.objectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        for (String paragraph : paragraphs) {
            ObjectNode node = content.addObject().put("type", "paragraph");
            node.putArray("content").addObject().put("type", "text").put("text", paragraph);
        }
        return doc;
    }

    private String key(Ticket ticket) {
        if (!serves(ticket)) {
            throw new TrackerException(TrackerException.Kind.CONFIGURATION,
                    "ticket " + (ticket == null ? "(none)" : ticket.key()) + " is not a Jira ticket");
        }
        return ticket.key();
    }

    private String browseUrl(String key) {
        return settings.baseUrl() + "/browse/" + key;
    }
}
