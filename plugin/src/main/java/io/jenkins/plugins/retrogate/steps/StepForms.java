package io.jenkins.plugins.retrogate.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.jenkins.JenkinsFacade;
import java.util.Map;
import java.util.function.Supplier;
import jenkins.model.Jenkins;

/** What the snippet generator and the flow graph need from every step: choices, checks, labels, and who may ask. */
final class StepForms {
    private StepForms() {
    }

    /**
     * Whether the current user may use the snippet generator's checks and choices: Item/Configure on the
     * job whose Pipeline Syntax page asks ({@code item}), Overall/Administer on the global page (no item),
     * as Jenkins advises for form validation that depends on its context.
     */
    static boolean mayConfigure(JenkinsFacade jenkins, @CheckForNull AccessControlled item) {
        return item == null ? jenkins.hasPermission(Jenkins.ADMINISTER) : jenkins.hasPermission(Item.CONFIGURE, item);
    }

    /** {@code check}'s answer for whoever may configure; no message for anyone else (the field is left alone). */
    static FormValidation check(JenkinsFacade jenkins, @CheckForNull AccessControlled item,
            Supplier<FormValidation> check) {
        return mayConfigure(jenkins, item) ? check.get() : FormValidation.ok();
    }

    /** The choices for whoever may configure; none for anyone else. */
    static ListBoxModel fill(JenkinsFacade jenkins, @CheckForNull AccessControlled item,
            Supplier<ListBoxModel> choices) {
        return mayConfigure(jenkins, item) ? choices.get() : new ListBoxModel();
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
