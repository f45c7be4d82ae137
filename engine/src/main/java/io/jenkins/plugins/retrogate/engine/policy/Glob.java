package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Names;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A case-insensitive name pattern: {@code *} matches any run of characters, {@code ?} one
 * character, everything else itself ({@code prod-*}, {@code *-prod}, {@code payments/*}).
 */
public final class Glob {
    private final String text;
    /** Only for {@link Shape#REGEX}: compiling one costs a short run start-up the others need not pay. */
    @CheckForNull
    private final Pattern pattern;
    /** The common shapes ({@code prod}, {@code prod-*}, {@code *-prod}) match without a regex. */
    private final Shape shape;
    private final String fixed;

    private enum Shape {
        LITERAL, PREFIX, SUFFIX, REGEX
    }

    private Glob(String text) {
        this.text = text;
        int stars = text.length() - text.replace("*", "").length();
        if (text.indexOf('?') < 0 && stars == 0) {
            shape = Shape.LITERAL;
            fixed = text;
        } else if (text.indexOf('?') < 0 && stars == 1 && text.endsWith("*")) {
            shape = Shape.PREFIX;
            fixed = text.substring(0, text.length() - 1);
        } else if (text.indexOf('?') < 0 && stars == 1 && text.startsWith("*")) {
            shape = Shape.SUFFIX;
            fixed = text.substring(1);
        } else {
            shape = Shape.REGEX;
            fixed = ""; // unused: the regular expression decides
        }
        this.pattern = shape == Shape.REGEX ? regex(text) : null;
    }

    private static Pattern regex(String text) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /** Parses a pattern, failing with the field's name when it holds characters names cannot have. */
    public static Glob parse(String field, @CheckForNull String text) {
        String value = text == null ? "" : text.strip();
        if (!allowed(value)) {
            throw new InvalidInputException(field, text == null ? "" : text,
                    "is not a valid pattern: use 1-200 characters of letters, digits, '.', '_', '-', '/', and the wildcards '*' and '?'");
        }
        return new Glob(value.toLowerCase(Locale.ROOT));
    }

    /** {@code [A-Za-z0-9._/*?-]{1,200}} (GlobTest holds it to that regex). */
    private static boolean allowed(String value) {
        return Names.isAsciiWord(value, 200, "._/*?-");
    }

    public boolean matches(@CheckForNull String name) {
        if (name == null) {
            return false;
        }
        return switch (shape) {
            case LITERAL -> name.equalsIgnoreCase(fixed);
            case PREFIX -> name.regionMatches(true, 0, fixed, 0, fixed.length());
            case SUFFIX -> name.length() >= fixed.length()
                    && name.regionMatches(true, name.length() - fixed.length(), fixed, 0, fixed.length());
            case REGEX -> Objects.requireNonNull(pattern).matcher(name).matches();
        };
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
