package io.jenkins.plugins.retrogate.engine.report;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.event.ContributorRecorded;
import io.jenkins.plugins.retrogate.engine.event.DeploymentStarted;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.IncidentStatusChanged;
import io.jenkins.plugins.retrogate.engine.event.ItemAdded;
import io.jenkins.plugins.retrogate.engine.event.ItemDropped;
import io.jenkins.plugins.retrogate.engine.event.ItemReopened;
import io.jenkins.plugins.retrogate.engine.event.ItemResolved;
import io.jenkins.plugins.retrogate.engine.event.ItemVerified;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.event.OverrideApprovalGiven;
import io.jenkins.plugins.retrogate.engine.event.OverrideApproved;
import io.jenkins.plugins.retrogate.engine.event.RetroAnswersRecorded;
import io.jenkins.plugins.retrogate.engine.event.RollbackRecorded;
import io.jenkins.plugins.retrogate.engine.event.SimilarIncidentLinked;
import io.jenkins.plugins.retrogate.engine.event.TicketLinked;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Contributor;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Mitigation;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The retrospective document of one incident, built from the state and the event log so nothing is
 * typed twice: a summary, the timeline, the five questions (answered from the incident's fields or left
 * open for the meeting), the people to hear by role (proposed from who acted, recorded contributors win),
 * the action items and the similar incidents with what was learned then. Rendered by
 * {@link RetrospectiveMarkdown}, {@link RetrospectiveHtml} and {@link RetrospectiveJson}.
 */
public record Retrospective(Instant generatedAt, Incident incident, List<Entry> timeline, List<Question> questions,
        List<Person> people, List<ActionItem> items, List<Similar> similar) {

    /** Said in every rendering, above the people to hear. */
    public static final String ROLES_NOT_BLAME = "Roles, not blame: these are the people whose view of the system"
            + " the meeting needs. Proposed roles come from who acted in the event log; recorded ones win.";

    public Retrospective {
        timeline = List.copyOf(timeline);
        questions = List.copyOf(questions);
        people = List.copyOf(people);
        items = List.copyOf(items);
        similar = List.copyOf(similar);
    }

    /** One line of the timeline: when, what happened, who or what recorded it. */
    public record Entry(Instant at, String what, String source) {
    }

    /** One of the five questions; {@code answer} null when it is open, to settle in the meeting. */
    public record Question(String question, @CheckForNull String answer) {
        public boolean open() {
            return answer == null;
        }
    }

    /** Someone to hear, in a role; {@code recorded} when a ContributorRecorded event says so, {@code basis} why. */
    public record Person(ContributorRole role, String name, boolean recorded, String basis) {
    }

    /** A similar incident ("seen before"), with its root cause and items: what was learned then. */
    public record Similar(String id, String title, @CheckForNull String rootCause, IncidentStatus status,
            List<ActionItem> items) {
        public Similar {
            items = List.copyOf(items);
        }
    }

    /** The document of incident {@code incidentId}; fails naming the incident when it does not exist. */
    public static Retrospective of(RetroState state, Iterable<Event> events, String incidentId, Instant now) {
        Incident incident = state.incident(incidentId)
                .orElseThrow(() -> new InvalidInputException("incident", incidentId, "does not exist"));
        List<ActionItem> items = state.itemsOf(incidentId);
        Builder b = new Builder(incident, items);
        for (Event event : events) {
            b.accept(event);
        }
        List<Similar> similar = new ArrayList<>();
        for (String id : incident.similarIncidents()) {
            state.incident(id).ifPresent(s -> similar.add(new Similar(s.id(), s.title(), s.rootCause(), s.status(),
                    state.itemsOf(s.id()))));
        }
        return new Retrospective(now, incident, b.timeline(), questions(incident), b.people(), items, similar);
    }

    static List<Question> questions(Incident incident) {
        List<Question> q = new ArrayList<>();
        q.add(new Question("Which systems were affected?", incident.affectedServices().isEmpty() ? null
                : String.join(", ", incident.affectedServices())));
        q.add(new Question("How did we become aware?", incident.detection().name().toLowerCase(Locale.ROOT)
                .replace('_', ' ') + ", at " + shown(incident.detectedAt())));
        Instant response = incident.responseStartedAt();
        q.add(new Question("When did the response start?", response == null ? null : shown(response)));
        List<String> mitigations = new ArrayList<>();
        for (Mitigation m : incident.mitigations()) {
            mitigations.add(m.description() + " (" + m.kind().name().toLowerCase(Locale.ROOT) + ", " + shown(m.at()) + ")");
        }
        DeploymentRef rollback = incident.rollback();
        if (mitigations.isEmpty() && rollback != null) {
            mitigations.add("rollback of " + rollback.service() + " in " + rollback.environment()
                    + (rollback.version() == null ? "" : " (version " + rollback.version() + " undone)"));
        }
        q.add(new Question("What mitigated it?", mitigations.isEmpty() ? null : String.join("; ", mitigations)));
        q.add(new Question("Has it been seen before?", !incident.similarIncidents().isEmpty()
                ? "yes: " + String.join(", ", incident.similarIncidents())
                : incident.notSeenBefore() ? "no, not seen before" : null));
        return q;
    }

    /**
     * What the retrospective still lacks before the incident can be REVIEWED: each open question, and
     * an action item or a "no action" decision with its reason; empty when it is ready.
     */
    public static List<String> missing(Incident incident, List<ActionItem> items) {
        List<String> missing = new ArrayList<>();
        for (Question question : questions(incident)) {
            if (question.answer() == null) {
                missing.add("open question: " + question.question());
            }
        }
        boolean anyItem = items.stream().anyMatch(item -> item.status() != ItemStatus.DROPPED);
        if (!anyItem && incident.noActionReason() == null) {
            missing.add("no action item and no 'no action' decision");
        }
        return missing;
    }

    /** An instant as the document shows it: UTC, to the second. */
    public static String shown(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** Folds the events that concern the incident into the timeline and the proposed people. */
    private static final class Builder {
        private final Incident incident;
        private final Set<String> itemIds = new HashSet<>();
        private final Map<String, String> deploymentNames = new HashMap<>();
        private final List<Entry> timeline = new ArrayList<>();
        private final Map<ContributorRole, Set<String>> proposed = new EnumMap<>(ContributorRole.class);
        private final Map<ContributorRole, Set<String>> recorded = new EnumMap<>(ContributorRole.class);
        private final Map<String, String> basis = new HashMap<>();
        @CheckForNull
        private Instant openedAt;
        @CheckForNull
        private Instant closedAt;
        /** The response start and root cause as last recorded, to list each change once. */
        private Instant responseStarted;
        private String rootCause;

        Builder(Incident incident, List<ActionItem> items) {
            this.incident = incident;
            for (ActionItem item : items) {
                itemIds.add(item.id());
            }
        }

        void accept(Event event) {
            String id = incident.id();
            if (event instanceof IncidentOpened e && e.incidentId().equals(id)) {
                openedAt = e.at();
                add(e.detectedAt(), "Detected (" + e.detection().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + "): " + e.title(), e.actor());
                DeploymentRef rollback = e.rollback();
                if (rollback != null) {
                    add(e.detectedAt(), "Rolled back " + rolledBack(rollback)
                            + (e.signature() == null ? "" : ": " + e.signature()), e.actor());
                }
                if (!e.at().equals(e.detectedAt())) {
                    add(e.at(), "Incident " + e.incidentId() + " opened", e.actor());
                }
                propose(ContributorRole.IDENTIFIED, e.actor(), rollback == null ? "opened the incident" : "rolled back");
            } else if (event instanceof RollbackRecorded e && e.incidentId().equals(id)) {
                add(time(e.at(), e.happenedAt()), "Rolled back " + rolledBack(e.rollback())
                        + (e.reason() == null ? "" : ": " + e.reason()), e.actor());
                propose(ContributorRole.IDENTIFIED, e.actor(), "rolled back");
            } else if (event instanceof IncidentStatusChanged e && e.incidentId().equals(id)) {
                add(time(e.at(), e.happenedAt()), "Status " + e.status(), e.actor());
                if (e.status() == IncidentStatus.RESOLVED) {
                    propose(ContributorRole.RESOLVED, e.actor(), "marked it resolved");
                }
                if (closedAt == null && (e.status() == IncidentStatus.RESOLVED
                        || e.status() == IncidentStatus.REVIEWED)) {
                    closedAt = e.at();
                }
            } else if (event instanceof IncidentDetailsChanged e && e.incidentId().equals(id)) {
                Instant response = e.responseStartedAt();
                if (response != null && !response.equals(responseStarted)) {
                    add(response, "Response started", e.actor());
                }
                responseStarted = response;
                String cause = e.rootCause();
                if (cause != null && !cause.equals(rootCause)) {
                    add(e.at(), "Root cause recorded: " + cause, e.actor());
                    propose(ContributorRole.DEBUGGED, e.actor(), "recorded the root cause");
                }
                rootCause = cause;
            } else if (event instanceof RetroAnswersRecorded e && e.incidentId().equals(id)) {
                List<String> answers = new ArrayList<>();
                if (e.notSeenBefore()) {
                    answers.add("not seen before");
                }
                if (e.noActionReason() != null) {
                    answers.add("no action needed: " + e.noActionReason());
                }
                add(e.at(), "Retrospective answered: " + String.join("; ", answers), e.actor());
            } else if (event instanceof MitigationRecorded e && e.incidentId().equals(id)) {
                add(time(e.at(), e.happenedAt()), "Mitigation (" + e.kind().name().toLowerCase(Locale.ROOT) + "): "
                        + e.description(), e.actor());
                propose(ContributorRole.RESPONDED, e.actor(), "recorded a mitigation");
            } else if (event instanceof SimilarIncidentLinked e && e.incidentId().equals(id)) {
                add(e.at(), "Linked as similar to " + e.similarIncidentId(), e.actor());
            } else if (event instanceof ContributorRecorded e && e.incidentId().equals(id)) {
                recorded.computeIfAbsent(e.role(), r -> new LinkedHashSet<>()).add(e.name());
            } else if (event instanceof ItemAdded e && e.incidentId().equals(id)) {
                itemIds.add(e.itemId());
                add(e.at(), "Action item " + e.itemId() + " added (" + e.priority() + "): " + e.title(), e.actor());
            } else if (event instanceof ItemResolved e && itemIds.contains(e.itemId())) {
                add(e.at(), "Action item " + e.itemId() + " resolved" + (e.deploymentId() == null ? ""
                        : " by deployment " + e.deploymentId()) + (e.fix() == null ? "" : " (fix " + e.fix() + ")"),
                        e.actor());
                propose(ContributorRole.RESOLVED, e.actor(), "resolved an action item");
            } else if (event instanceof ItemVerified e && itemIds.contains(e.itemId())) {
                add(e.at(), "Action item " + e.itemId() + " verified in production by deployment "
                        + deployment(e.deploymentId()), e.actor());
            } else if (event instanceof ItemReopened e && itemIds.contains(e.itemId())) {
                add(e.at(), "Action item " + e.itemId() + " reopened: " + e.reason(), e.actor());
            } else if (event instanceof ItemDropped e && itemIds.contains(e.itemId())) {
                add(e.at(), "Action item " + e.itemId() + " dropped: " + e.reason(), e.actor());
            } else if (event instanceof TicketLinked e && itemIds.contains(e.itemId())) {
                add(e.at(), "Action item " + e.itemId() + " linked to " + e.ticket().key(), e.actor());
            } else if (event instanceof DeploymentStarted e) {
                deployment(e);
            } else if (event instanceof OverrideApprovalGiven e && whileOpen(e.at())
                    && (incident.affects(e.service()) || Names.EVERY_SERVICE.equals(e.service()))) {
                add(e.at(), "Override of " + e.service() + " in " + e.environment() + " approved by " + e.actor()
                        + ", one of " + e.required() + " approvers needed: " + e.reason(), e.actor());
            } else if (event instanceof OverrideApproved e && whileOpen(e.at())
                    && (incident.affects(e.service()) || Names.EVERY_SERVICE.equals(e.service()))) {
                add(e.at(), "Override " + e.overrideId() + " granted for " + e.service() + " in " + e.environment()
                        + " until " + e.expiresAt() + ": " + e.reason(), String.join(", ", e.allApprovers()));
            }
        }

        private void deployment(DeploymentStarted e) {
            DeploymentRef ref = e.ref();
            deploymentNames.put(e.deploymentId(), e.deploymentId() + " (" + describe(ref) + ")");
            DeploymentRef trigger = incident.trigger();
            if (trigger != null && e.deploymentId().equals(trigger.deploymentId())) {
                add(time(e.at(), e.happenedAt()), "Trigger deployment " + e.deploymentId() + " started: "
                        + describe(ref), e.actor());
                propose(ContributorRole.INTRODUCED, e.actor(), "started the trigger deployment");
            } else if (openedAt != null && e.production() && incident.affects(ref.service())) {
                add(time(e.at(), e.happenedAt()), "Deployment " + e.deploymentId() + " started: " + describe(ref)
                        + (e.overrideId() == null ? "" : " under override " + e.overrideId()), e.actor());
            }
        }

        private boolean whileOpen(Instant at) {
            Instant opened = openedAt;
            Instant closed = closedAt;
            return opened != null && !at.isBefore(opened) && (closed == null || !at.isAfter(closed));
        }

        private String deployment(String id) {
            return deploymentNames.getOrDefault(id, id);
        }

        private static Instant time(Instant at, @CheckForNull Instant happenedAt) {
            return happenedAt == null ? at : happenedAt;
        }

        private static String describe(DeploymentRef ref) {
            return ref.service() + " " + (ref.version() == null ? "" : ref.version() + " ") + "to " + ref.environment();
        }

        private static String rolledBack(DeploymentRef ref) {
            return ref.service() + " in " + ref.environment() + (ref.version() == null ? "" : " (version " + ref.version() + " undone)");
        }

        private void add(Instant at, String what, String source) {
            timeline.add(new Entry(at, what, source));
        }

        private void propose(ContributorRole role, String name, String why) {
            if (proposed.computeIfAbsent(role, r -> new LinkedHashSet<>()).add(name)) {
                basis.put(role + "/" + name, why);
            }
        }

        List<Entry> timeline() {
            List<Entry> sorted = new ArrayList<>(timeline);
            sorted.sort(Comparator.comparing(Entry::at)); // stable: events recorded at one instant keep log order
            return sorted;
        }

        List<Person> people() {
            for (Contributor c : incident.contributors()) {
                recorded.computeIfAbsent(c.role(), r -> new LinkedHashSet<>()).add(c.name());
            }
            List<Person> people = new ArrayList<>();
            for (ContributorRole role : ContributorRole.values()) {
                Set<String> names = recorded.get(role);
                if (names != null && !names.isEmpty()) {
                    names.forEach(n -> people.add(new Person(role, n, true, "recorded")));
                } else {
                    proposed.getOrDefault(role, Set.of()).forEach(n -> people.add(new Person(role, n, false,
                            basis.getOrDefault(role + "/" + n, "acted"))));
                }
            }
            return people;
        }
    }
}
