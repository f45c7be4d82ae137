package io.jenkins.plugins.retrogate.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as people read them on a page: to the minute, in UTC, said so ({@code 2026-12-02 10:46 UTC}),
 * instead of raw ISO instants with nanoseconds. The engine keeps the exact instants.
 */
public final class Times {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** The instant to the minute, or an empty text for none. */
    public static String format(Instant at) {
        return at == null ? "" : MINUTE.format(at);
    }

    /** Epoch milliseconds (as build records keep them) to the minute; empty for 0. */
    public static String format(long epochMillis) {
        return epochMillis == 0 ? "" : format(Instant.ofEpochMilli(epochMillis));
    }
}
