package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case-insensitive name pattern: {@code *} matches any run of characters, {@code ?} one
 * character, everything else itself ({@code prod-*}, {@code *-prod}, {@code payments/*}).
 */
public final class Glob {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._/*?-]{1,200}");
    private final String text;
    private final Pattern pattern;

    private Glob(String text) {
        this.text = text;
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Parses a pattern, failing with the field's name when it holds characters names cannot have. */
    public static Glob parse(String field, String text) {
        String value = text == null ? "" : text.strip();
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidInputException(field, text == null ? "" : text,
                    "is not a valid pattern: use 1-200 characters of letters, digits, '.', '_', '-', '/', and the wildcards '*' and '?'");
        }
        return new Glob(value.toLowerCase(Locale.ROOT));
    }

    public boolean matches(String name) {
        return name != null && pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
