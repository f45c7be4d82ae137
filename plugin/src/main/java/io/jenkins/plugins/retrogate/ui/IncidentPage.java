package io.jenkins.plugins.retrogate.ui;

import hudson.model.Failure;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Choices;
import io.jenkins.plugins.retrogate.engine.model.ContributorRole;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.MitigationKind;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
import io.jenkins.plugins.retrogate.jenkins.Links;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One incident with the retrospective's fields and its action items, at
 * {@code /retro-gate/incident/INC-n/}; forms to record the retrospective's answers and add items.
 */
public final class IncidentPage {
    private final RetroGatePage page;
    private final Incident incident;

    IncidentPage(RetroGatePage page, Incident incident) {
        this.page = page;
        this.incident = incident;
    }

    public Incident getIncident() {
        return incident;
    }

    public String getDisplayName() {
        return incident.id() + " " + incident.title();
    }

    /** {@code retro/}: the retrospective document of this incident. */
    public RetrospectivePage getRetro() {
        return new RetrospectivePage(page, incident.id());
    }

    /** What the retrospective still lacks before this incident can be REVIEWED; empty when it is ready. */
    public List<String> getReadiness() {
        return io.jenkins.plugins.retrogate.engine.report.Retrospective.missing(incident, getItems());
    }

    public List<ActionItem> getItems() {
        return page.state().itemsOf(incident.id());
    }

    /** Wording in what the retrospective recorded that blames a person, with the systems question to ask. */
    public List<WordingHint> getWordingHints() {
        return BlameWording.of(incident, getItems());
    }

    public boolean isManager() {
        return page.jenkins().hasPermission(RetroGatePermissions.MANAGE);
    }

    public List<String> choices(String kind) {
        Enum<?>[] constants = switch (kind) {
            case "status" -> IncidentStatus.values();
            case "severity" -> Severity.values();
            case "mitigation" -> MitigationKind.values();
            case "role" -> ContributorRole.values();
            case "priority" -> Priority.values();
            case "type" -> ItemType.values();
            default -> new Enum<?>[0];
        };
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    /** Records whatever the form filled in; empty fields change nothing. */
    @POST
    public HttpResponse doUpdate(@QueryParameter String status, @QueryParameter String title,
            @QueryParameter String severity, @QueryParameter String responseStartedAt,
            @QueryParameter String rootCause, @QueryParameter String mitigationKind,
            @QueryParameter String mitigation, @QueryParameter String similar,
            @QueryParameter String contributorRole, @QueryParameter String contributorName,
            @QueryParameter boolean notSeenBefore, @QueryParameter String noActionReason) {
        page.jenkins().checkPermission(RetroGatePermissions.MANAGE);
        page.command(engine -> engine.updateIncident(Actors.currentUser(page.jenkins()),
                new IncidentUpdate(incident.id(), parse(IncidentStatus.class, "status", status), text(title),
                        parse(Severity.class, "severity", severity), instant(responseStartedAt), text(rootCause),
                        parse(MitigationKind.class, "mitigationKind", mitigationKind), text(mitigation),
                        text(similar), parse(ContributorRole.class, "contributorRole", contributorRole),
                        text(contributorName), null, notSeenBefore, text(noActionReason))));
        return HttpResponses.redirectToDot();
    }

    @POST
    public HttpResponse doAddItem(@QueryParameter String title, @QueryParameter String priority,
            @QueryParameter String type, @QueryParameter String owner, @QueryParameter String ticket,
            @QueryParameter String services, @QueryParameter String due) {
        page.jenkins().checkPermission(RetroGatePermissions.MANAGE);
        ActionItem item = page.command(engine -> engine.addItem(Actors.currentUser(page.jenkins()), new NewActionItem(
                incident.id(), title, parse(Priority.class, "priority", priority),
                parse(ItemType.class, "type", type), owner, text(ticket), RetroGatePage.list(services),
                date(due))));
        return HttpResponses.redirectTo("../../item/" + item.id() + "/");
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        return RetroGatePage.blank(value) ? null : Choices.parse(type, field, value);
    }

    static String text(String value) {
        return RetroGatePage.blank(value) ? null : value;
    }

    private static Instant instant(String value) {
        try {
            return RetroGatePage.blank(value) ? null : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Failure("responseStartedAt '" + value + "' is not an ISO-8601 UTC time such as 2026-01-31T14:05:00Z");
        }
    }

    private static LocalDate date(String value) {
        try {
            return RetroGatePage.blank(value) ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Failure("due '" + value + "' is not a date such as 2026-01-31");
        }
    }

    /** {@code at} as the page shows times (see {@link Times}). */
    public String time(java.time.Instant at) {
        return Times.format(at);
    }

    /** The link to a recorded build (see {@link Links#build}). */
    public String buildHref(String url) {
        return Links.build(url);
    }
}
