package io.jenkins.plugins.retrogate.steps;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import java.util.Map;

/** What the snippet generator and the flow graph need from every step: choices, checks, labels. */
final class StepForms {
    private StepForms() {
    }

    static ListBoxModel modes() {
        ListBoxModel model = new ListBoxModel();
        model.add("(the policy's mode)", "");
        model.add("block", "block");
        model.add("warn", "warn");
        model.add("off", "off");
        return model;
    }

    static ListBoxModel choices(Enum<?>[] constants) {
        ListBoxModel model = new ListBoxModel();
        for (Enum<?> constant : constants) {
            model.add(constant.name());
        }
        return model;
    }

    /** The engine's own name check, shown as the user types; an expression such as {@code ${SERVICE}} passes. */
    static FormValidation checkName(String field, String value) {
        if (value == null || value.isBlank()) {
            return FormValidation.error(field + " is required");
        }
        if (value.contains("$")) {
            return FormValidation.ok();
        }
        try {
            Names.service(field, value);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The flow graph's label: {@code service → environment}. */
    static String target(Map<String, Object> args) {
        Object service = args.get("service");
        Object environment = args.get("environment");
        return service == null ? null : environment == null ? String.valueOf(service) : service + " → " + environment;
    }
}
