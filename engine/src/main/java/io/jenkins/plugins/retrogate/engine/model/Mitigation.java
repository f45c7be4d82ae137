package io.jenkins.plugins.retrogate.engine.model;

import java.time.Instant;
import java.util.Objects;

/** What was done to stop the failure, temporarily or permanently, and when. */
public record Mitigation(MitigationKind kind, String description, Instant at) {
    public Mitigation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(at, "at");
    }
}
