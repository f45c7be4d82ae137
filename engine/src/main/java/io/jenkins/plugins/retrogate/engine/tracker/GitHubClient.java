package io.jenkins.plugins.retrogate.engine.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import io.jenkins.plugins.retrogate.engine.model.TicketSystem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * GitHub Issues over the REST API (version 2022-11-28), no GraphQL. Batch reading: the search API
 * cannot select issues by number, so after the first read of a ticket (one {@code GET} each, once)
 * states come from one listing per repository of the issues changed since the last sync
 * ({@code GET /repos/{owner}/{repo}/issues?state=all&since=…}, 100 a page), whatever the number of
 * tickets. An issue is done when it is closed with {@code state_reason} {@code completed}.
 */
public final class GitHubClient implements TrackerClient {
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final GitHubSettings settings;
    private final TrackerHttp http;

    public GitHubClient(GitHubSettings settings, TrackerCredentials credentials, HttpOptions options) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = new TrackerHttp("GitHub", settings.apiUrl(), credentials,
                Map.of("Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28"), options);
    }

    public GitHubSettings settings() {
        return settings;
    }

    @Override
    public TicketSystem system() {
        return TicketSystem.GITHUB;
    }

    @Override
    public boolean serves(Ticket ticket) {
        return ticket != null && ticket.system() == TicketSystem.GITHUB
                && GitHubIssueKey.parse(ticket.key(), settings.repository()) != null;
    }

    @Override
    public Ticket create(NewTicket ticket) {
        if (settings.repository() == null) {
            throw new TrackerException(TrackerException.Kind.CONFIGURATION,
                    "GitHub has no repository to file tickets in; set github.repository (owner/repo)");
        }
        ObjectNode body = JSON.objectNode();
        body.put("title", ticket.title());
        body.put("body", String.join("\n\n", ticket.paragraphs()));
        ArrayNode labels = body.putArray("labels");
        settings.labels().forEach(labels::add);
        String priority = settings.priorityLabels().get(ticket.priority());
        if (priority != null) {
            labels.add(priority);
        }
        TrackerHttp.Reply reply = http.send("POST", "/repos/" + settings.repository() + "/issues", body, false);
        Fields read = new Fields(reply.endpoint());
        long number = read.integer(reply.body(), "", "number");
        String url = read.text(reply.body(), "", "html_url");
        return new Ticket(TicketSystem.GITHUB, settings.repository() + "#" + number, url);
    }

    @Override
    public Map<String, TicketState> states(Collection<Ticket> tickets, Instant changedSince) {
        // repository -> issue number -> the keys the items use for it (#42 and acme/shop#42 may both occur)
        Map<String, Map<Long, List<Ticket>>> wanted = new TreeMap<>();
        for (Ticket ticket : tickets) {
            GitHubIssueKey key = serves(ticket) ? GitHubIssueKey.parse(ticket.key(), settings.repository()) : null;
            if (key != null) {
                wanted.computeIfAbsent(key.repository(), r -> new TreeMap<>())
                        .computeIfAbsent(key.number(), n -> new ArrayList<>()).add(ticket);
            }
        }
        Map<String, TicketState> result = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Long, List<Ticket>>> repository : wanted.entrySet()) {
            Map<Long, List<Ticket>> numbers = repository.getValue();
            Set<Long> toFetch = changedSince == null ? numbers.keySet()
                    : listChanged(repository.getKey(), numbers, changedSince, result);
            for (Long number : toFetch) {
                readOne(new GitHubIssueKey(repository.getKey(), number), numbers.get(number), result);
            }
        }
        return result;
    }

    /** Lists the repository's issues changed since then; returns the numbers it could not cover. */
    private Set<Long> listChanged(String repository, Map<Long, List<Ticket>> numbers, Instant since,
            Map<String, TicketState> result) {
        String sinceText = since.truncatedTo(ChronoUnit.SECONDS).toString();
        for (int page = 1; page <= MAX_PAGES; page++) {
            TrackerHttp.Reply reply = http.get("/repos/" + repository + "/issues?state=all&sort=updated&direction=asc"
                    + "&since=" + sinceText + "&per_page=" + PAGE + "&page=" + page);
            Fields read = new Fields(reply.endpoint());
            if (!reply.body().isArray()) {
                throw read.missing("(body)", reply.body(), "an array of issues");
            }
            for (int i = 0; i < reply.body().size(); i++) {
                JsonNode issue = reply.body().get(i);
                String path = "[" + i + "]";
                if (!issue.isObject()) {
                    throw read.missing(path, issue, "an issue object");
                }
                List<Ticket> keys = numbers.get(read.integer(issue, path, "number"));
                if (keys != null) {
                    put(result, keys, issue, read, path);
                }
            }
            boolean more = reply.headers().firstValue("link").map(link -> link.contains("rel=\"next\"")).orElse(false);
            if (!more || reply.body().size() < PAGE) {
                return Set.of();
            }
        }
        // More changed issues than we page through: read the wanted ones not yet seen one by one.
        Set<Long> rest = new HashSet<>();
        numbers.forEach((number, keys) -> {
            if (!result.containsKey(keys.get(0).key())) {
                rest.add(number);
            }
        });
        return rest;
    }

    private void readOne(GitHubIssueKey key, List<Ticket> keys, Map<String, TicketState> result) {
        TrackerHttp.Reply reply;
        try {
            reply = http.get(key.path());
        } catch (TrackerException e) {
            if (e.kind() == TrackerException.Kind.NOT_FOUND) {
                return; // absent from the result: the caller reports it as not found
            }
            throw e;
        }
        Fields read = new Fields(reply.endpoint());
        if (!reply.body().isObject()) {
            throw read.missing("(body)", reply.body(), "an issue object");
        }
        put(result, keys, reply.body(), read, "");
    }

    private void put(Map<String, TicketState> result, List<Ticket> keys, JsonNode issue, Fields read, String path) {
        for (Ticket ticket : keys) {
            result.put(ticket.key(), state(ticket, issue, read, path));
        }
    }

    private TicketState state(Ticket ticket, JsonNode issue, Fields read, String path) {
        read.integer(issue, path, "number");
        String state = read.text(issue, path, "state");
        if (!state.equals("open") && !state.equals("closed")) {
            throw TrackerException.unexpected(read.endpoint(), Fields.path(path, "state"),
                    "is '" + state + "' (expected open or closed)");
        }
        String reason = read.optionalText(issue, path, "state_reason");
        String url = read.text(issue, path, "html_url");
        Instant updated = read.isoTime(issue, path, "updated_at");
        boolean closed = state.equals("closed");
        boolean done = closed && ("completed".equals(reason) || (reason == null && settings.closedWithoutReasonIsDone()));
        String status = closed && reason != null ? "closed (" + reason + ")" : state;
        return new TicketState(new Ticket(TicketSystem.GITHUB, ticket.key(), url), status, closed, done, reason,
                updated, url);
    }

    @Override
    public void comment(Ticket ticket, String text) {
        GitHubIssueKey key = key(ticket);
        ObjectNode body = JSON.objectNode().put("body", text.strip());
        TrackerHttp.Reply reply = http.send("POST", key.path() + "/comments", body, false);
        new Fields(reply.endpoint()).integer(reply.body(), "", "id");
    }

    @Override
    public void close(Ticket ticket) {
        GitHubIssueKey key = key(ticket);
        TrackerHttp.Reply current = http.get(key.path());
        Fields read = new Fields(current.endpoint());
        if (!current.body().isObject()) {
            throw read.missing("(body)", current.body(), "an issue object");
        }
        if (state(ticket, current.body(), read, "").closed()) {
            return; // closing again would overwrite a not_planned reason with completed
        }
        ObjectNode body = JSON.objectNode().put("state", "closed").put("state_reason", "completed");
        TrackerHttp.Reply reply = http.send("PATCH", key.path(), body, true);
        Fields answer = new Fields(reply.endpoint());
        String state = answer.text(reply.body(), "", "state");
        if (!state.equals("closed")) {
            throw TrackerException.unexpected(reply.endpoint(), "state", "is '" + state + "' after closing (expected closed)");
        }
    }

    @Override
    public String checkConnection() {
        if (settings.repository() == null) {
            TrackerHttp.Reply reply = http.get("/rate_limit");
            Fields read = new Fields(reply.endpoint());
            long remaining = read.integer(read.object(read.object(reply.body(), "", "resources"), "resources", "core"),
                    "resources.core", "remaining");
            return "Connected to GitHub at " + settings.apiUrl() + "; " + remaining + " calls left this hour";
        }
        TrackerHttp.Reply reply = http.get("/repos/" + settings.repository());
        Fields read = new Fields(reply.endpoint());
        String name = read.text(reply.body(), "", "full_name");
        if (!read.bool(reply.body(), "", "has_issues")) {
            throw new TrackerException(TrackerException.Kind.REJECTED,
                    reply.endpoint() + ": issues are disabled in " + name + "; enable them or choose another repository");
        }
        return "Connected to GitHub at " + settings.apiUrl() + "; repository " + name + " has issues enabled";
    }

    private GitHubIssueKey key(Ticket ticket) {
        GitHubIssueKey key = ticket == null || ticket.system() != TicketSystem.GITHUB ? null
                : GitHubIssueKey.parse(ticket.key(), settings.repository());
        if (key == null) {
            throw new TrackerException(TrackerException.Kind.CONFIGURATION, "ticket "
                    + (ticket == null ? "(none)" : ticket.key())
                    + " is not a GitHub issue this client can reach (owner/repo#42, or #42 with github.repository set)");
        }
        return key;
    }
}
