package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The policy's text forms, read the same by the plugin's form and the CLI's {@code policy.yaml}: a list
 * is one text with its entries between commas, new lines or spaces (production patterns and item types
 * hold none), item types by name in any case, the change-set ticket pattern a Java regular expression.
 */
public final class PolicyText {
    private PolicyText() {
    }

    /** The entries of a list text; empty for null or blank. */
    public static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /**
     * Item types by name ({@code preventative, mitigative}).
     *
     * @throws InvalidInputException naming the field, the value and every type
     */
    public static Set<ItemType> types(String field, String text) {
        Set<ItemType> result = EnumSet.noneOf(ItemType.class);
        for (String name : list(text)) {
            result.add(ItemType.parse(field, name));
        }
        return result;
    }

    /** The names of item types as a list text, in their order. */
    public static String names(Set<ItemType> types) {
        return String.join(", ", types.stream().sorted().map(Enum::name).toList());
    }

    /**
     * A regular expression for ticket ids in change-set messages.
     *
     * @throws InvalidInputException naming the field, the value and why it is not one
     */
    public static Pattern ticketPattern(String field, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(field, regex, "is not a regular expression: " + e.getDescription());
        }
    }
}
