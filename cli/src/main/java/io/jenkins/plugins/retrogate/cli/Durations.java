package io.jenkins.plugins.retrogate.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration as people type it on a command line: {@code 0}, {@code 500ms}, {@code 90s}, {@code 5m}, {@code 1h}, or ISO-8601. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses {@code text} for {@code name} (a flag or variable), between zero and {@code max}.
     *
     * @throws BadInputException naming the flag, the value and what is allowed
     */
    static Duration parse(String name, String text, Duration max) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Duration duration = null;
        Matcher matcher = SHORT.matcher(value);
        if (value.equals("0")) {
            duration = Duration.ZERO;
        } else if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        if (duration == null || duration.isNegative() || duration.compareTo(max) > 0) {
            throw new BadInputException(name + " '" + text + "' is not a duration from 0 to " + max.toMinutes()
                    + "m: write 0, 500ms, 90s, 5m, 1h or ISO-8601 such as PT90S");
        }
        return duration;
    }
}
