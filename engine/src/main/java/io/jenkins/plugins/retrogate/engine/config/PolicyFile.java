package io.jenkins.plugins.retrogate.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.model.Choices;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.policy.ApprovalRule;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.policy.Glob;
import io.jenkins.plugins.retrogate.engine.policy.PolicyRule;
import io.jenkins.plugins.retrogate.engine.policy.PolicyText;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy as a document ({@code policy.yaml} for the CLI, already parsed into a Jackson tree so
 * the engine needs no YAML library): the same field names as {@link GatePolicy.Builder}. Missing
 * fields keep the design's defaults; an unknown field or a wrong value fails with an
 * {@link InvalidInputException} naming the field path ({@code rules[1].mode}), the value and what is
 * allowed. {@link #write} gives the document back, so {@code read(write(p))} equals {@code p}.
 */
public final class PolicyFile {
    /**
     * Every field a policy document may hold, in the order {@link #write} emits them. A document may
     * also give {@code maxOverrideWindowHours} (a whole number, as the Jenkins form does) instead of
     * {@code maxOverrideWindow}.
     */
    public static final List<String> FIELDS = List.of("productionPatterns", "productionMode", "nonProductionMode",
            "blockPriority", "blockTypes", "warnPriority", "warnTypes", "warnOverdue", "postRollbackFreeze",
            "staleIncidentDays", "openIncidentsOutsideProduction", "allowWeakerPipelineMode", "fourEyes", "requireBlameFreeText", "requireRetroReadiness", "retroDueDays",
            "maxOverrideWindow", "rules", "approvals");
    private static final Pattern SHORT_DURATION = Pattern.compile("([1-9][0-9]{0,6})\\s*([mhd])");

    private PolicyFile() {
    }

    /** Reads a policy document; {@code null}, a missing or an empty document means the defaults. */
    public static GatePolicy read(JsonNode document) {
        GatePolicy.Builder builder = GatePolicy.builder();
        if (document == null || document.isMissingNode() || document.isNull()) {
            return builder.build();
        }
        if (!document.isObject()) {
            throw new InvalidInputException("policy", document.toString(), "is not a mapping of policy fields: "
                    + String.join(", ", FIELDS));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = document.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            apply(builder, field.getKey(), field.getValue());
        }
        return builder.build();
    }

    private static void apply(GatePolicy.Builder b, String field, JsonNode value) {
        switch (field) {
            case "productionPatterns" -> b.productionPatterns(texts(field, value));
            case "productionMode" -> b.productionMode(mode(field, value));
            case "nonProductionMode" -> b.nonProductionMode(mode(field, value));
            case "blockPriority" -> b.blockPriority(Priority.parse(field, text(field, value)));
            case "blockTypes" -> b.blockTypes(types(field, value));
            case "warnPriority" -> b.warnPriority(Priority.parse(field, text(field, value)));
            case "warnTypes" -> b.warnTypes(types(field, value));
            case "warnOverdue" -> b.warnOverdue(bool(field, value));
            case "postRollbackFreeze" -> b.postRollbackFreeze(bool(field, value));
            case "staleIncidentDays" -> b.staleIncidentDays(days(field, value));
            case "openIncidentsOutsideProduction" -> b.openIncidentsOutsideProduction(bool(field, value));
            case "allowWeakerPipelineMode" -> b.allowWeakerPipelineMode(bool(field, value));
            case "fourEyes" -> b.fourEyes(bool(field, value));
            case "requireBlameFreeText" -> b.requireBlameFreeText(bool(field, value));
            case "requireRetroReadiness" -> b.requireRetroReadiness(bool(field, value));
            case "retroDueDays" -> b.retroDueDays(days(field, value));
            case "maxOverrideWindow" -> b.maxOverrideWindow(duration(field, text(field, value)));
            case "maxOverrideWindowHours" -> b.maxOverrideWindowHours(hours(field, value));
            case "rules" -> b.rules(rules(value));
            case "approvals" -> b.approvalRules(approvals(value));
            case "changeSetTicketPattern", "storeLocation" -> throw new InvalidInputException(field, value.asText(),
                    "is a setting of the Jenkins plugin only; the command-line tool takes --change-ticket and --home");
            default -> throw new InvalidInputException(field, value.toString(),
                    "is not a policy field; the fields are " + String.join(", ", FIELDS));
        }
    }

    private static List<PolicyRule> rules(JsonNode value) {
        return entries("rules", value, "is not a list of rules like '- service: payments-*' with 'mode: warn'",
                PolicyFile::rule);
    }

    /** A list whose entries {@code entry} reads, each named by its path ({@code field[i]}); null: none. */
    private static <T> List<T> entries(String field, JsonNode value, String notAList,
            java.util.function.BiFunction<String, JsonNode, T> entry) {
        if (value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field, value.toString(), notAList);
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            result.add(entry.apply(field + "[" + i + "]", value.get(i)));
        }
        return result;
    }

    /**
     * A rule as the Jenkins configuration writes it, {@code {scope: service|folder, pattern: …, mode: …}},
     * or in short, {@code {service: …, mode: …}} / {@code {folder: …, mode: …}}.
     */
    private static PolicyRule rule(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidInputException(path, node.toString(),
                    "is not a rule: a mapping with scope (service or folder), pattern and mode");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!Set.of("scope", "pattern", "service", "folder", "mode").contains(name)) {
                throw new InvalidInputException(path + "." + name, node.get(name).toString(),
                        "is not a rule field; a rule has scope (service or folder), pattern and mode");
            }
        }
        PolicyRule.Scope scope;
        String key;
        if (node.has("scope") || node.has("pattern")) {
            if (node.has("service") || node.has("folder")) {
                throw new InvalidInputException(path, node.toString(),
                        "mixes scope/pattern with the short form service:/folder:; use one of them");
            }
            scope = PolicyRule.Scope.valueOf(Choices.parse(RuleScope.class, path + ".scope",
                    text(path + ".scope", node.get("scope"))).name());
            key = "pattern";
        } else if (node.has("service") == node.has("folder")) {
            throw new InvalidInputException(path, node.toString(), "must name exactly one of 'service' or 'folder'");
        } else {
            scope = node.has("service") ? PolicyRule.Scope.SERVICE : PolicyRule.Scope.FOLDER;
            key = scope == PolicyRule.Scope.SERVICE ? "service" : "folder";
        }
        Glob pattern = Glob.parse(path + "." + key, text(path + "." + key, node.get(key)));
        if (!node.has("mode")) {
            throw new InvalidInputException(path + ".mode", "", "is missing: one of " + Choices.allowed(GateMode.class));
        }
        return new PolicyRule(scope, pattern, mode(path + ".mode", node.get("mode")));
    }

    /**
     * The approval rules: {@code [{service: payments-*, environment: production, required: 2}]}; a rule
     * names a service pattern, an environment pattern or both (a missing one matches everything).
     */
    private static List<ApprovalRule> approvals(JsonNode value) {
        return entries("approvals", value, "is not a list of rules like '- environment: production' with"
                + " 'service: payments-*' and 'required: 2'", PolicyFile::approval);
    }

    private static ApprovalRule approval(String path, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidInputException(path, node.toString(),
                    "is not an approval rule: a mapping with service and/or environment, and required");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!Set.of("service", "environment", "required").contains(name)) {
                throw new InvalidInputException(path + "." + name, node.get(name).toString(),
                        "is not an approval rule field; a rule has service, environment and required");
            }
        }
        if (!node.has("service") && !node.has("environment")) {
            throw new InvalidInputException(path, node.toString(),
                    "names neither a service nor an environment pattern; give one or both");
        }
        Glob service = Glob.parse(path + ".service",
                node.has("service") ? text(path + ".service", node.get("service")) : "*");
        Glob environment = Glob.parse(path + ".environment",
                node.has("environment") ? text(path + ".environment", node.get("environment")) : "*");
        JsonNode required = node.get("required");
        String allowed = "must be a whole number of distinct approvers from 1 to " + ApprovalRule.MAX_REQUIRED;
        if (required == null) {
            throw new InvalidInputException(path + ".required", "", "is missing: the number of distinct approvers, from 1 to "
                    + ApprovalRule.MAX_REQUIRED);
        }
        int count;
        if (required.isIntegralNumber() && required.canConvertToInt()) {
            count = required.intValue();
        } else if (required.isTextual() && required.textValue().strip().matches("[0-9]{1,2}")) {
            count = Integer.parseInt(required.textValue().strip());
        } else {
            count = -1;
        }
        if (count < 1 || count > ApprovalRule.MAX_REQUIRED) {
            throw new InvalidInputException(path + ".required", required.asText(), allowed);
        }
        return new ApprovalRule(service, environment, count);
    }

    /** The scopes as users write them (lower case in the documents). */
    private enum RuleScope {
        SERVICE, FOLDER
    }

    private static GateMode mode(String field, JsonNode value) {
        if (value.isBoolean() && !value.booleanValue()) {
            return GateMode.OFF; // YAML 1.1 reads a bare off as false
        }
        return GateMode.parse(field, text(field, value));
    }

    private static Set<ItemType> types(String field, JsonNode value) {
        Set<ItemType> types = EnumSet.noneOf(ItemType.class);
        List<String> names = texts(field, value);
        for (int i = 0; i < names.size(); i++) {
            types.add(ItemType.parse(field + "[" + i + "]", names.get(i)));
        }
        return types;
    }

    /**
     * A list, or one text with the entries between commas, new lines or spaces ({@link PolicyText#list},
     * as Jenkins' form reads them).
     */
    private static List<String> texts(String field, JsonNode value) {
        if (value.isTextual()) {
            return PolicyText.list(value.textValue());
        }
        if (!value.isArray()) {
            throw new InvalidInputException(field, value.toString(), "is not a list of texts");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            texts.add(text(field + "[" + i + "]", value.get(i)));
        }
        return texts;
    }

    /** A whole number of hours (1.5 is refused, never cut to 1); the policy checks its range. */
    private static long hours(String field, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidInputException(field, value.asText(), "must be a whole number of hours from 1 to "
                    + GatePolicy.MAX_OVERRIDE_WINDOW_HOURS + " (30 days)");
        }
        return value.longValue();
    }

    /** A whole number of days, as a YAML number or text; the policy checks its range. */
    private static int days(String field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.textValue().strip().matches("-?[0-9]{1,9}")) {
            return Integer.parseInt(value.textValue().strip());
        }
        throw new InvalidInputException(field, value.asText(), "is not a whole number of days (0 turns it off)");
    }

    private static String text(String field, JsonNode value) {
        if (value == null || !(value.isTextual() || value.isNumber())) {
            throw new InvalidInputException(field, value == null ? "" : value.toString(), "is not a text value");
        }
        return value.asText();
    }

    private static boolean bool(String field, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().strip().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return Boolean.parseBoolean(text);
            }
        }
        throw new InvalidInputException(field, value.asText(), "is not one of true, false");
    }

    /**
     * Reads a duration as people write it: {@code 30m}, {@code 4h}, {@code 2d}, or ISO-8601
     * ({@code PT4H}, {@code P1D}). Zero and negative durations are refused.
     */
    public static Duration duration(String field, String text) {
        String value = text == null ? "" : text.strip();
        Matcher matcher = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        Duration duration = null;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new InvalidInputException(field, value,
                    "is not a positive duration: write 30m, 4h, 2d or ISO-8601 such as PT4H");
        }
        return duration;
    }

    /** The policy as a document {@link #read} accepts, every field present. */
    public static ObjectNode write(GatePolicy policy) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode node = nodes.objectNode();
        ArrayNode patterns = node.putArray("productionPatterns");
        policy.productionPatterns().forEach(g -> patterns.add(g.toString()));
        node.put("productionMode", policy.productionMode().name());
        node.put("nonProductionMode", policy.nonProductionMode().name());
        node.put("blockPriority", policy.blockPriority().name());
        ArrayNode blockTypes = node.putArray("blockTypes");
        policy.blockTypes().stream().sorted().forEach(t -> blockTypes.add(t.name()));
        node.put("warnPriority", policy.warnPriority().name());
        ArrayNode warnTypes = node.putArray("warnTypes");
        policy.warnTypes().stream().sorted().forEach(t -> warnTypes.add(t.name()));
        node.put("warnOverdue", policy.warnOverdue());
        node.put("postRollbackFreeze", policy.postRollbackFreeze());
        node.put("staleIncidentDays", policy.staleIncidentDays());
        node.put("openIncidentsOutsideProduction", policy.openIncidentsOutsideProduction());
        node.put("allowWeakerPipelineMode", policy.allowWeakerPipelineMode());
        node.put("fourEyes", policy.fourEyes());
        node.put("requireBlameFreeText", policy.requireBlameFreeText());
        node.put("requireRetroReadiness", policy.requireRetroReadiness());
        node.put("retroDueDays", policy.retroDueDays());
        node.put("maxOverrideWindow", policy.maxOverrideWindow().toString());
        ArrayNode rules = node.putArray("rules");
        for (PolicyRule rule : policy.rules()) {
            rules.addObject().put("scope", rule.scope().name().toLowerCase(Locale.ROOT))
                    .put("pattern", rule.pattern().toString()).put("mode", rule.mode().name());
        }
        ArrayNode approvals = node.putArray("approvals");
        for (ApprovalRule rule : policy.approvalRules()) {
            approvals.addObject().put("service", rule.service().toString())
                    .put("environment", rule.environment().toString()).put("required", rule.required());
        }
        return node;
    }
}
