package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;

/** Input that breaks a field's rules; the message names the field, the value and what is allowed. */
public final class InvalidInputException extends RetroGateException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;
    private final String allowed;

    public InvalidInputException(String field, @CheckForNull Object value, String allowed) {
        super(field + " '" + value + "' " + allowed);
        this.field = field;
        this.value = String.valueOf(value);
        this.allowed = allowed;
    }

    /** The name of the offending field, as the user wrote it (step parameter, CLI flag, JSON key). */
    public String field() {
        return field;
    }

    /** The offending value, as the message shows it. */
    public String value() {
        return value;
    }

    /** What the field allows, or why the value breaks its rule (the message after the value). */
    public String allowed() {
        return allowed;
    }

    /**
     * Fails with an {@link InvalidInputException} when a mandatory value is missing or blank, too
     * long, or holds what must never reach a log, a terminal or a page: control characters other than
     * line breaks and tabs (an ANSI escape, say) and bidirectional overrides, embeddings and isolates
     * (which make text read reversed).
     */
    public static String requireText(String field, @CheckForNull String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, value == null ? "" : value, "is missing: a non-empty text is required");
        }
        String trimmed = value.strip();
        int bad = firstForbidden(trimmed, false);
        if (bad >= 0) {
            throw new InvalidInputException(field, Names.visible(abbreviate(trimmed)), String.format(
                    "holds the character U+%04X: control characters and bidirectional controls are not allowed", bad));
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidInputException(field, trimmed.substring(0, 20) + "…",
                    "is " + trimmed.length() + " characters long; at most " + maxLength + " are allowed");
        }
        return trimmed;
    }

    /** Like {@link #requireText} but returns {@code null} for a missing or blank value. */
    @CheckForNull
    public static String optionalText(String field, @CheckForNull String value, int maxLength) {
        return value == null || value.isBlank() ? null : requireText(field, value, maxLength);
    }

    /**
     * Like {@link #requireText}, for a value shown on one line (a title, a name, a version): a line
     * break or tab in it could print a line of its own, such as a fake {@code ALLOW:} inside a BLOCK.
     */
    public static String requireLine(String field, @CheckForNull String value, int maxLength) {
        String text = requireText(field, value, maxLength);
        int bad = firstForbidden(text, true);
        if (bad >= 0) {
            throw new InvalidInputException(field, Names.visible(abbreviate(text)), String.format(
                    "holds the character U+%04X: a line break or tab is not allowed in a single line", bad));
        }
        return text;
    }

    /** Like {@link #requireLine} but returns {@code null} for a missing or blank value. */
    @CheckForNull
    public static String optionalLine(String field, @CheckForNull String value, int maxLength) {
        return value == null || value.isBlank() ? null : requireLine(field, value, maxLength);
    }

    /**
     * The first code point of {@code text} that is not allowed, or -1. A loop, not a stream: every
     * command checks its texts, and a short one (the CLI) would spend milliseconds linking a stream.
     */
    private static int firstForbidden(String text, boolean singleLine) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (forbidden(c, singleLine)) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static boolean forbidden(int c, boolean singleLine) {
        if (c == '\n' || c == '\t') {
            return singleLine;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 59) + "…";
    }
}
