package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.util.Objects;

/**
 * How many distinct release managers must approve an override of a service in an environment:
 * {@code required} (1 to {@link #MAX_REQUIRED}) for every service matching {@code service} in every
 * environment matching {@code environment}. Where several rules match, the strictest (the largest
 * {@code required}) wins; where none does, one approval is enough.
 */
public record ApprovalRule(Glob service, Glob environment, int required) {
    /** The most approvers a rule may require. */
    public static final int MAX_REQUIRED = 5;

    public ApprovalRule {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        if (required < 1 || required > MAX_REQUIRED) {
            throw new InvalidInputException("required", required,
                    "must be a whole number of distinct approvers from 1 to " + MAX_REQUIRED);
        }
    }

    /** Whether the rule speaks of an override of {@code service} in {@code environment}. */
    public boolean matches(String service, String environment) {
        return this.service.matches(service) && this.environment.matches(environment);
    }

    @Override
    public String toString() {
        return "service '" + service + "' in '" + environment + "' → " + required + " approvers";
    }
}
