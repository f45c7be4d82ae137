package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.event.ContributorRecorded;
import io.jenkins.plugins.retrogate.engine.event.Event;
import io.jenkins.plugins.retrogate.engine.event.IncidentDetailsChanged;
import io.jenkins.plugins.retrogate.engine.event.IncidentOpened;
import io.jenkins.plugins.retrogate.engine.event.IncidentStatusChanged;
import io.jenkins.plugins.retrogate.engine.event.MitigationRecorded;
import io.jenkins.plugins.retrogate.engine.event.RetroAnswersRecorded;
import io.jenkins.plugins.retrogate.engine.event.SimilarIncidentLinked;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.report.Retrospective;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.Change;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Opening incidents and recording the retrospective's answers. Pure: state in, events out. */
final class IncidentCommands {
    static final int TITLE_MAX = 200;
    static final int TEXT_MAX = 10_000;

    private IncidentCommands() {
    }

    static Change<Incident> open(RetroState state, Actor actor, NewIncident input, Instant now) {
        String title = InvalidInputException.requireLine("title", input.title(), TITLE_MAX);
        List<String> services = services(input.services());
        Detection detection = input.detection() == null ? Detection.MANUAL : input.detection();
        Instant detectedAt = input.detectedAt() == null ? now : input.detectedAt();
        LifecycleRules.requireDetectedBy(detectedAt, now);
        String id = Ids.incident(state.counters().incidents() + 1);
        IncidentOpened opened = new IncidentOpened(now, actor.name(), id, title, input.severity(), services,
                detection, detectedAt, null, null, null);
        return Change.of(state.apply(state.sequence() + 1, opened).incidents().get(id), List.of(opened));
    }

    static Change<Incident> update(RetroState state, GatePolicy policy, Actor actor, IncidentUpdate input,
            Instant now) {
        Incident incident = existing(state, input.incidentId());
        List<Event> events = new ArrayList<>();
        Instant happenedAt = happenedAt(incident, input, now);
        if (input.notSeenBefore() || input.noActionReason() != null) { // answers first: the status change may need them
            if (input.notSeenBefore() && input.similarIncidentId() != null) {
                throw new InvalidInputException("notSeenBefore", "true", "contradicts the link to "
                        + input.similarIncidentId() + " in the same update: give one of them");
            }
            events.addAll(retroAnswers(state, policy, actor, incident.id(), input.notSeenBefore(),
                    input.noActionReason(), now).events());
        }
        if (input.status() != null && input.status() != incident.status()) {
            LifecycleRules.requireForward(incident, input.status());
            events.add(new IncidentStatusChanged(now, actor.name(), incident.id(), input.status(), happenedAt));
        }
        if (input.title() != null || input.severity() != null || input.responseStartedAt() != null
                || input.rootCause() != null) {
            details(incident, policy, actor, input, now).ifChanged(events);
        }
        if (input.mitigation() != null || input.mitigationKind() != null) {
            if (input.mitigationKind() == null) {
                throw new InvalidInputException("mitigation", input.mitigation(), "needs a kind: TEMPORARY or PERMANENT");
            }
            events.add(new MitigationRecorded(now, actor.name(), incident.id(), input.mitigationKind(),
                    InvalidInputException.requireText("mitigation", input.mitigation(), TEXT_MAX), happenedAt));
        }
        if (input.similarIncidentId() != null) {
            events.addAll(linkSimilar(state, actor, incident, input.similarIncidentId(), now));
        }
        if (input.contributorRole() != null || input.contributorName() != null) {
            if (input.contributorRole() == null) {
                throw new InvalidInputException("contributorRole", "", "is missing: one of INTRODUCED, IDENTIFIED, "
                        + "RESPONDED, DEBUGGED, RESOLVED, INSIGHT");
            }
            events.add(new ContributorRecorded(now, actor.name(), incident.id(), input.contributorRole(),
                    InvalidInputException.requireLine("contributorName", input.contributorName(), 200)));
        }
        RetroState after = state.applyAll(events);
        if (input.status() == IncidentStatus.REVIEWED && incident.status() != IncidentStatus.REVIEWED
                && policy.requireRetroReadiness()) {
            requireReady(after, incident.id());
        }
        return Change.of(after.incidents().get(incident.id()), events);
    }

    /** Refuses REVIEWED while the retrospective lacks an answer, or an item or a "no action" decision. */
    private static void requireReady(RetroState after, String incidentId) {
        Incident ready = after.incidents().get(incidentId);
        List<String> missing = Retrospective.missing(ready, after.itemsOf(incidentId));
        if (!missing.isEmpty()) {
            throw new RefusedException(incidentId + " cannot be REVIEWED yet: " + String.join("; ", missing)
                    + ". Answer the open questions (\"seen before?\" may be answered no), and add an action item or"
                    + " record why none is needed; the policy's requireRetroReadiness asks for this");
        }
    }

    /**
     * The retrospective's answers no other field holds: not seen before, and why no action item is
     * needed. Answering "not seen before" for an incident linked to a similar one is bad input.
     */
    static Change<Incident> retroAnswers(RetroState state, GatePolicy policy, Actor actor, String incidentId,
            boolean notSeenBefore, String noActionReason, Instant now) {
        Incident incident = existing(state, incidentId);
        String reason = noActionReason == null ? null
                : InvalidInputException.requireText("noActionReason", noActionReason, TEXT_MAX);
        if (!notSeenBefore && reason == null) {
            throw new InvalidInputException("noActionReason", "", "is missing, and so is notSeenBefore: record one or both");
        }
        if (notSeenBefore && !incident.similarIncidents().isEmpty()) {
            throw new InvalidInputException("notSeenBefore", "true", "contradicts the link to "
                    + String.join(", ", incident.similarIncidents()) + ": it was seen before");
        }
        if (reason != null && policy.requireBlameFreeText()) {
            BlameWording.requireBlameFree("noActionReason", reason);
        }
        List<Event> events = List.of(new RetroAnswersRecorded(now, actor.name(), incident.id(), notSeenBefore, reason));
        return Change.of(state.applyAll(events).incidents().get(incident.id()), events);
    }

    /**
     * When the update's status change and mitigation happened, as their events record it ({@code null}:
     * as they are recorded). Not before the incident was detected; an instant with nothing to date is refused.
     */
    private static Instant happenedAt(Incident incident, IncidentUpdate input, Instant now) {
        if (input.at() == null) {
            return null;
        }
        if (input.status() == null && input.mitigation() == null && input.mitigationKind() == null) {
            throw new InvalidInputException("at", input.at(),
                    "dates a status change or a mitigation; give a status or a mitigation with it");
        }
        return FactTime.happenedAt(FactTime.of(input.at(), now, incident.detectedAt(), "the incident's detection"),
                now);
    }

    private static DetailsChange details(Incident incident, GatePolicy policy, Actor actor, IncidentUpdate input,
            Instant now) {
        String title = input.title() == null ? incident.title()
                : InvalidInputException.requireLine("title", input.title(), TITLE_MAX);
        String rootCause = input.rootCause() == null ? incident.rootCause()
                : InvalidInputException.requireText("rootCause", input.rootCause(), TEXT_MAX);
        if (input.rootCause() != null && policy.requireBlameFreeText()) {
            BlameWording.requireBlameFree("rootCause", rootCause);
        }
        Instant responseStartedAt = incident.responseStartedAt();
        if (input.responseStartedAt() != null) {
            LifecycleRules.requireResponseStart(incident, input.responseStartedAt(), now);
            responseStartedAt = input.responseStartedAt();
        }
        var severity = input.severity() == null ? incident.severity() : input.severity();
        return new DetailsChange(incident, new IncidentDetailsChanged(now, actor.name(), incident.id(), title, severity,
                responseStartedAt, rootCause));
    }

    /** A details event, recorded only when it changes something. */
    private record DetailsChange(Incident before, IncidentDetailsChanged event) {
        void ifChanged(List<Event> events) {
            if (!Objects.equals(before.title(), event.title()) || before.severity() != event.severity()
                    || !Objects.equals(before.responseStartedAt(), event.responseStartedAt())
                    || !Objects.equals(before.rootCause(), event.rootCause())) {
                events.add(event);
            }
        }
    }

    private static List<Event> linkSimilar(RetroState state, Actor actor, Incident incident, String rawId,
            Instant now) {
        String similarId = Ids.parseIncident("similar", rawId);
        if (similarId.equals(incident.id())) {
            throw new InvalidInputException("similar", rawId, "is the incident itself; link an earlier incident");
        }
        existing(state, similarId);
        if (incident.similarIncidents().contains(similarId)) {
            return List.of();
        }
        return List.of(new SimilarIncidentLinked(now, actor.name(), incident.id(), similarId));
    }

    static Incident existing(RetroState state, String rawId) {
        String id = Ids.parseIncident("incident", rawId);
        return state.incident(id)
                .orElseThrow(() -> new InvalidInputException("incident", rawId, "does not exist"));
    }

    static List<String> services(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException("services", "", "is empty: name at least one affected service");
        }
        Set<String> services = new LinkedHashSet<>();
        for (String service : raw) {
            services.add(Names.service("service", service));
        }
        return List.copyOf(services);
    }
}
