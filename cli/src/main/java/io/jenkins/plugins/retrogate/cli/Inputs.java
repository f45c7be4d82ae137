package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Reads flag values the engine takes as typed values (instants, dates), failing with the flag's name. */
final class Inputs {
    private Inputs() {
    }

    static Instant instant(String flag, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(flag, text, "is not an ISO-8601 date and time such as 2026-11-24T10:15:00Z");
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
