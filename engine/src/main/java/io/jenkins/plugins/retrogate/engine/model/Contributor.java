package io.jenkins.plugins.retrogate.engine.model;

import java.util.Objects;

/** A role someone played in the incident: roles, not blame. */
public record Contributor(ContributorRole role, String name) {
    public Contributor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
    }
}
