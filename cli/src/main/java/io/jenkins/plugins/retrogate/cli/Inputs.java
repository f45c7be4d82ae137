package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Reads flag values the engine takes as typed values (instants, dates), failing with the flag's name. */
final class Inputs {
    private Inputs() {
    }

    /**
     * An ISO-8601 instant with its offset ({@code 2026-11-24T10:15:00Z}, {@code …+01:00}), or a local
     * date and time ({@code 2026-11-24T10:15}) read in {@code zone}, the zone of the tool's clock (the
     * machine's own).
     */
    static Instant instant(String flag, String text, ZoneId zone) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                throw new InvalidInputException(flag, text, "is not an ISO-8601 date and time such as"
                        + " 2026-11-24T10:15:00Z, or a local one such as 2026-11-24T10:15 (read in " + zone + ")");
            }
        }
    }

    static LocalDate date(String flag, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(flag, text, "is not an ISO-8601 date such as 2026-12-31");
        }
    }
}
