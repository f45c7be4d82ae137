package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deployment asking to pass: what, where, from which folder and build, who started it, what its
 * change set names, the mode the pipeline asks for ({@code null}: the policy's), and the time of
 * asking (part of the request so that evaluation stays a pure function).
 */
public record GateRequest(String service, String environment, @CheckForNull String folder, @CheckForNull String buildUrl,
        @CheckForNull String requestedBy, @CheckForNull Set<String> changeTickets, @CheckForNull GateMode requestedMode,
        Instant at) {

    public GateRequest {
        Objects.requireNonNull(at, "at");
        changeTickets = Set.copyOf(new TreeSet<>(changeTickets == null ? Set.of() : changeTickets));
    }

    /** This request, asked at {@code when} (the rest already validated). */
    public GateRequest askedAt(Instant when) {
        return new GateRequest(service, environment, folder, buildUrl, requestedBy, changeTickets, requestedMode, when);
    }

    /**
     * Validates user input into a request; service and environment are checked and normalised,
     * ticket references trimmed.
     */
    public static GateRequest of(@CheckForNull String service, @CheckForNull String environment,
            @CheckForNull String folder, @CheckForNull String buildUrl, @CheckForNull String requestedBy,
            @CheckForNull List<String> changeTickets, @CheckForNull GateMode requestedMode, Instant at) {
        Set<String> tickets = new TreeSet<>();
        for (String ticket : changeTickets == null ? List.<String>of() : changeTickets) {
            // an empty entry names no ticket: a CI script passes one when the commit names none
            if (ticket != null && !ticket.isBlank()) {
                tickets.add(InvalidInputException.requireLine("changeTicket", ticket, 200));
            }
        }
        return new GateRequest(Names.service("service", service), Names.environment("environment", environment),
                InvalidInputException.optionalLine("folder", folder, 1000),
                Names.buildUrl("buildUrl", buildUrl),
                InvalidInputException.optionalLine("requestedBy", requestedBy, 200), tickets, requestedMode, at);
    }
}
