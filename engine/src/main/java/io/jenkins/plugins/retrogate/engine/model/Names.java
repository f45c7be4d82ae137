package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import java.util.Locale;

/**
 * Service and environment names: case-insensitive, trimmed, 1–100 characters of
 * {@code [A-Za-z0-9._-]}. Stored in lower case so that {@code Checkout-API} and
 * {@code checkout-api} are one service.
 */
public final class Names {
    /** The item scope that guards every service. */
    public static final String EVERY_SERVICE = "*";
    private static final String ALLOWED = "is not a valid name: use 1-100 characters of letters, digits, '.', '_' and '-'";

    private Names() {
    }

    /** Validates and normalises a service name. */
    public static String service(String field, @CheckForNull String raw) {
        return name(field, raw);
    }

    /** Validates and normalises an environment name. */
    public static String environment(String field, @CheckForNull String raw) {
        return name(field, raw);
    }

    /** Like {@link #service} but also accepts {@code *} (every service), for action items. */
    public static String guardedService(String field, String raw) {
        if (raw != null && raw.strip().equals(EVERY_SERVICE)) {
            return EVERY_SERVICE;
        }
        return name(field, raw);
    }

    /**
     * The one shared instance of a name that repeats across many entities (a service, an environment,
     * a job, a person, a decision), so that a store with 100,000 items does not hold 100,000 copies of
     * fifty team names. Backed by the JVM's string pool, whose entries are collected once unused; meant
     * for names only, never for unique text such as ids, titles or URLs.
     */
    @Nullable
    public static String shared(@Nullable String name) {
        if (name == null) {
            return null;
        }
        // A small, lossy table of recent results in front of String.intern (which costs ~100 ns):
        // names repeat, so most calls end here. Races only lose an entry; Strings are safely published.
        int slot = name.hashCode() & (RECENT.length - 1);
        String recent = RECENT[slot];
        if (recent != null && recent.equals(name)) {
            return recent;
        }
        String shared = name.intern();
        RECENT[slot] = shared;
        return shared;
    }

    private static final String[] RECENT = new String[4096];

    /**
     * Whether two names denote the same person. People are compared by one canonical form —
     * trimmed, case-insensitive, as Jenkins' default user id strategy does — so that {@code PAT}
     * cannot approve what {@code pat} asked for. {@code null} is nobody and matches nobody.
     */
    public static boolean samePerson(@CheckForNull String a, @CheckForNull String b) {
        return a != null && b != null && person(a).equals(person(b));
    }

    /** The canonical form of a person's name: trimmed, lower case. */
    public static String person(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Validates and normalises a build URL, which identifies a build in override requests and
     * deployments: an {@code http(s)} URL or a path relative to the CI server ({@code job/a/12/}),
     * without spaces or control characters, always ending in one {@code /} so that a URL written
     * with and without its trailing slash names one build. {@code null} or blank: no build.
     */
    @CheckForNull
    public static String buildUrl(String field, @CheckForNull String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > 2000) {
            throw new InvalidInputException(field, value.substring(0, 20) + "…",
                    "is " + value.length() + " characters long; at most 2000 are allowed");
        }
        if (!isBuildUrl(value)) {
            throw new InvalidInputException(field, visible(value), "is not a build URL: use an http(s) URL or a relative path"
                    + " such as job/deploy/12/, without spaces or control characters");
        }
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            throw new InvalidInputException(field, value, "is not a build URL: it names no build");
        }
        return value.substring(0, end) + '/';
    }

    /**
     * An absolute http(s) URL with a host, or a relative path that starts with neither {@code /} nor
     * {@code \\} (a page renders it under the Jenkins root: {@code //host} would leave it) and holds no
     * {@code :} (no {@code javascript:} or other scheme); no whitespace, control, format (bidi,
     * zero-width) or separator character anywhere. The regex
     * {@code (?U)(?i)https?://[^/\s\p{Cc}\p{Cf}\p{Z}][^\s\p{Cc}\p{Cf}\p{Z}]*|[^/\\:\s\p{Cc}\p{Cf}\p{Z}][^:\s\p{Cc}\p{Cf}\p{Z}]*},
     * checked by a loop: compiling it cost every pipeline's gate ~6 ms of start-up (NamesTest holds the
     * loop to the regex's answers).
     */
    private static boolean isBuildUrl(String value) {
        if (value.isEmpty()) {
            return false;
        }
        boolean colon = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SPACE_SEPARATOR
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return false;   // \\s (Unicode White_Space) lies within Cc and Z
            }
            colon |= c == ':';
            i += Character.charCount(c);
        }
        if (!colon) {
            return value.charAt(0) != '/' && value.charAt(0) != '\\';
        }
        int host = httpSchemeEnd(value);
        return host > 0 && host < value.length() && value.charAt(host) != '/';
    }

    /** The index after a leading {@code http://} or {@code https://} (case-insensitive as the regex's (?iU)), else -1. */
    private static int httpSchemeEnd(String value) {
        int i = 0;
        for (char expected : new char[] {'h', 't', 't', 'p'}) {
            if (i >= value.length() || !sameLetter(value.charAt(i), expected)) {
                return -1;
            }
            i++;
        }
        if (i < value.length() && sameLetter(value.charAt(i), 's')) {
            i++;
        }
        return value.startsWith("://", i) ? i + 3 : -1;
    }

    /** Case-insensitive as java.util.regex with UNICODE_CASE: the long s ({@code \u017F}) is an s. */
    private static boolean sameLetter(char c, char lower) {
        return c == lower || Character.toLowerCase(Character.toUpperCase(c)) == lower;
    }

    /** {@code text} with every invisible or control character shown as {@code \\uXXXX}, for error messages. */
    public static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    private static String name(String field, @CheckForNull String raw) {
        String value = raw == null ? "" : raw.strip();
        if (!isName(value)) {
            throw new InvalidInputException(field, raw == null ? "" : raw, ALLOWED);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** {@code [A-Za-z0-9._-]{1,100}} (NamesTest holds it to that regex). */
    private static boolean isName(String value) {
        return isAsciiWord(value, 100, "._-");
    }

    /**
     * Whether {@code value} is 1 to {@code maxLength} characters of ASCII letters, digits and
     * {@code punctuation}: a character class checked by a loop, as the regex engine's first use costs a
     * gate run several milliseconds of start-up (names here, glob patterns in the policy).
     */
    public static boolean isAsciiWord(String value, int maxLength, String punctuation) {
        int length = value.length();
        if (length < 1 || length > maxLength) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || punctuation.indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
