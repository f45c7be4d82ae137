package io.jenkins.plugins.retrogate.engine.policy;

import java.util.Objects;

/**
 * A per-service or per-folder exception to the production mode: the first service rule whose
 * pattern matches the service wins, else the first folder rule matching the job's folder.
 */
public record PolicyRule(Scope scope, Glob pattern, GateMode mode) {
    /** What a rule's pattern is matched against. */
    public enum Scope {
        SERVICE, FOLDER
    }

    public PolicyRule {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String toString() {
        return scope.name().toLowerCase(java.util.Locale.ROOT) + " '" + pattern + "' → " + mode;
    }
}
