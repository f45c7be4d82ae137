package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The text of instants and dates as {@link Instant#toString()} and {@link LocalDate#toString()} write
 * them ({@code 2026-12-04T10:15:30.250Z}, {@code 2026-12-04}), written and read without
 * java.time's formatter: setting that up costs a short command (a CLI gate) several milliseconds of
 * start-up, every time. Years 0000–9999 only; anything else is left to java.time
 * ({@link #text(Instant)} hands it on, the readers answer {@code null}). CanonicalTimeTest holds both
 * directions to java.time's own.
 */
public final class CanonicalTime {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private CanonicalTime() {
    }

    /** Exactly {@code instant.toString()}. */
    public static String text(Instant instant) {
        if (instant.getEpochSecond() < YEAR_0 || instant.getEpochSecond() >= YEAR_10000) {
            return instant.toString();   // before LocalDateTime is asked: it does not reach Instant.MIN or MAX
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        digits(text, utc.getYear(), 4).append('-');
        digits(text, utc.getMonthValue(), 2).append('-');
        digits(text, utc.getDayOfMonth(), 2).append('T');
        digits(text, utc.getHour(), 2).append(':');
        digits(text, utc.getMinute(), 2).append(':');
        digits(text, utc.getSecond(), 2);
        int nano = instant.getNano();
        if (nano > 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(text, nano / 1_000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    /**
     * The instant {@code text} is the {@link Instant#toString()} of; {@code null} when it is not such a
     * text with a year 0000–9999 (java.time may still read it).
     */
    @CheckForNull
    public static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = date(text.substring(0, 10));
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nano = 0;
        if (length != 20) {
            int digits = length - 21;
            if (text.charAt(19) != '.' || (digits != 3 && digits != 6 && digits != 9)) {
                return null;
            }
            int fraction = number(text, 20, digits);
            if (fraction < 0) {
                return null;
            }
            nano = digits == 3 ? fraction * 1_000_000 : digits == 6 ? fraction * 1_000 : fraction;
            // the shortest of the three that holds it, and never all zeros: anything else is not toString's
            boolean shortest = digits == 3 ? nano > 0 : digits == 6 ? nano % 1_000_000 != 0 : nano % 1_000 != 0;
            if (!shortest) {
                return null;
            }
        }
        long seconds = date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nano);
    }

    /**
     * The date {@code text} is the {@link LocalDate#toString()} of; {@code null} when it is not such a
     * text with a year 0000–9999 or names no day (a 30 February).
     */
    @CheckForNull
    public static LocalDate date(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;   // a day the month does not have
        }
    }

    /** The {@code count} ASCII digits at {@code from}; -1 when any is not one. */
    private static int number(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
