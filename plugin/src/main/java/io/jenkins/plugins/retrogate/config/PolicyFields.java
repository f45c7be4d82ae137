package io.jenkins.plugins.retrogate.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.policy.PolicyText;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;

/** How the configuration's text fields read, and the engine's validation turned into form and setter errors. */
final class PolicyFields {
    private PolicyFields() {
    }

    static FormValidation validate(Runnable check) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        try {
            check.run();
            return FormValidation.ok();
        } catch (IllegalArgumentException | InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static void check(Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            throw new FieldException(e.getMessage(), e);
        }
    }

    static Pattern compile(String regex) {
        try {
            return PolicyText.ticketPattern("changeSetTicketPattern", regex);
        } catch (InvalidInputException e) {
            throw new FieldException(e.getMessage(), e);
        }
    }

    static List<String> lines(String text) {
        return PolicyText.list(text);
    }

    static Set<ItemType> types(String field, String text) {
        return PolicyText.types(field, text);
    }

    static String names(Set<ItemType> types) {
        return PolicyText.names(types);
    }
}
