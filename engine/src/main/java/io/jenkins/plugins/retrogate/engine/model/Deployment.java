package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A gated deployment: where it went, what it carried, what the gate said, and how it ended
 * ({@code outcome} is {@code null} while it runs).
 *
 * @param production     whether the environment counted as production when the deployment started
 * @param changeTickets  ticket keys and item ids named by the deployment's change set
 * @param decision       the gate decision recorded for its build ({@code BLOCK} when it bypassed a block),
 *                       {@code null} when its build has none
 * @param gate           how it went past the gate; {@code null} for deployments recorded before the
 *                       engine tracked it
 * @param overrideId     the override that let it through (decision OVERRIDDEN)
 * @param bypass         why it bypassed the gate (gate BYPASSED)
 */
public record Deployment(String id, DeploymentRef ref, boolean production, Set<String> changeTickets,
        @CheckForNull Decision decision, @CheckForNull String requestedBy, Instant startedAt, @CheckForNull Instant endedAt, @CheckForNull Outcome outcome,
        @CheckForNull GatePassage gate, @CheckForNull String overrideId, @CheckForNull String bypass) {

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(startedAt, "startedAt");
        changeTickets = changeTickets == null ? Set.of() : Set.copyOf(changeTickets);
    }

    public String service() {
        return ref.service();
    }

    public String environment() {
        return ref.environment();
    }

    /** Whether it went out without a gate decision that let it through. */
    public boolean bypassed() {
        return gate == GatePassage.BYPASSED;
    }

    /** Whether the change set names {@code item} (its ticket key or id). */
    public boolean carries(ActionItem item) {
        return changeTickets.stream().anyMatch(item::isNamedBy);
    }

    /**
     * The deployment with its outcome. A deployment that already ended and is rolled back later
     * keeps the time it ended (the DORA figures count it once, on the day it ran).
     */
    public Deployment finished(Outcome how, Instant at) {
        return new Deployment(id, ref, production, changeTickets, decision, requestedBy, startedAt,
                endedAt == null ? at : endedAt, how, gate, overrideId, bypass);
    }
}
