package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses user text into one of an enum's constants, forgiving case, dashes and spaces. */
public final class Choices {
    private Choices() {
    }

    /**
     * Returns the constant of {@code type} named by {@code value} ({@code customer-report} finds
     * {@code CUSTOMER_REPORT}), or fails naming the field, the value and every allowed name.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, @CheckForNull String value) {
        if (value != null) {
            String wanted = value.strip().replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(wanted)) {
                    return constant;
                }
            }
        }
        throw new InvalidInputException(field, value == null ? "" : value, "is not one of " + allowed(type));
    }

    /** The allowed names of {@code type}, comma separated, as a user would type them. */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
