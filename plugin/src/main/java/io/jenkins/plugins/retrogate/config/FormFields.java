package io.jenkins.plugins.retrogate.config;

import io.jenkins.plugins.retrogate.engine.model.Choices;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.PolicyRule;
import java.util.Map;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;

/**
 * Checks the submitted form's choice and number fields before they are bound, because binding turns
 * {@code YOLO} into a bare {@code No enum constant …} and {@code abc} into 0: the error must name the
 * field, the value and what is allowed.
 */
final class FormFields {
    private static final Map<String, Class<? extends Enum<?>>> CHOICES = Map.of(
            "productionMode", GateMode.class, "nonProductionMode", GateMode.class,
            "blockPriority", Priority.class, "warnPriority", Priority.class);
    private static final Map<String, Class<? extends Enum<?>>> RULE_CHOICES = Map.of(
            "scope", PolicyRule.Scope.class, "mode", GateMode.class);

    private FormFields() {
    }

    static void check(JSONObject json) {
        choices(json, CHOICES, "");
        wholeNumber(json, "maxOverrideWindowHours");
        wholeNumber(json, "staleIncidentDays");
        Object rules = json.opt("rules");
        JSONArray list = rules instanceof JSONArray array ? array : new JSONArray();
        if (rules instanceof JSONObject single) {
            list.add(single);
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof JSONObject rule) {
                choices(rule, RULE_CHOICES, "rules[" + i + "].");
            }
        }
    }

    private static void choices(JSONObject json, Map<String, Class<? extends Enum<?>>> fields, String prefix) {
        for (Map.Entry<String, Class<? extends Enum<?>>> field : fields.entrySet()) {
            Object value = json.opt(field.getKey());
            if (value != null && !value.toString().isBlank()) {
                parse(field.getValue(), prefix + field.getKey(), value.toString());
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void parse(Class type, String field, String value) {
        Choices.parse(type, field, value);
    }

    private static void wholeNumber(JSONObject json, String field) {
        Object value = json.opt(field);
        if (value == null || value instanceof Number) {
            return;
        }
        try {
            Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new FieldException(field + " '" + value + "' is not a whole number", e);
        }
    }
}
