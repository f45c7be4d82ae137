package io.jenkins.plugins.retrogate.engine.model;

/** Input that breaks a field's rules; the message names the field, the value and what is allowed. */
public final class InvalidInputException extends RetroGateException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidInputException(String field, Object value, String allowed) {
        super(field + " '" + value + "' " + allowed);
        this.field = field;
    }

    /** The name of the offending field, as the user wrote it (step parameter, CLI flag, JSON key). */
    public String field() {
        return field;
    }

    /** Fails with an {@link InvalidInputException} when a mandatory value is missing or blank. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value == null ? "" : value, "is missing: a non-empty text is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, trimmed.substring(0, 20) + "…",
                    "is " + trimmed.length() + " characters long; at most " + maxLength + " are allowed");
        }
        return trimmed;
    }

    /** Like {@link #requireText} but returns {@code null} for a missing or blank value. */
    public static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : requireText(field, value, maxLength);
    }
}
