package io.jenkins.plugins.retrogate.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The events' instants and dates are written and read without java.time's formatter; what is written
 * and read must be exactly what java.time writes and reads, or the journal's hashes and the events
 * would change.
 */
class CanonicalTimeTest {
    /** Year 0000 to year 10000 and a little beyond, at every precision Instant.toString prints. */
    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(-62_167_219_200L - 86_400L * 400, 253_402_300_800L + 86_400L * 400)
                .edgeCases(edges -> edges.add(-62_167_219_200L, 253_402_300_799L, 253_402_300_800L, 0L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1_000), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    @Property(tries = 5000)
    void writesWhatInstantToStringWrites(@ForAll("instants") Instant instant) {
        assertThat(CanonicalTime.text(instant)).isEqualTo(instant.toString());
    }

    @Property(tries = 5000)
    void readsBackEveryInstantItWritesInItsYears(@ForAll("instants") Instant instant) {
        Instant read = CanonicalTime.instant(instant.toString());
        int year = LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400L)).getYear();
        if (year >= 0 && year <= 9999) {
            assertThat(read).isEqualTo(instant);
        } else {
            assertThat(read).isNull();
        }
    }

    /**
     * Text near the canonical form: read as Instant.parse reads it, and only when that writes it back
     * (years 0000-9999; a signed year is left to java.time).
     */
    @Property(tries = 10000)
    void readsOnlyWhatJavaTimeReadsAndWritesBackTheSame(@ForAll("nearInstants") String text) {
        Instant read = CanonicalTime.instant(text);
        Instant javaTime;
        try {
            javaTime = Instant.parse(text);
        } catch (DateTimeException e) {
            javaTime = null;
        }
        if (javaTime != null && javaTime.toString().equals(text) && !text.startsWith("+") && !text.startsWith("-")) {
            assertThat(read).as(text).isEqualTo(javaTime);
        } else {
            assertThat(read).as(text).isNull();
        }
    }

    @Property(tries = 5000)
    void readsDatesAsLocalDateParseDoes(@ForAll("nearDates") String text) {
        LocalDate javaTime;
        try {
            javaTime = LocalDate.parse(text);
        } catch (DateTimeException e) {
            javaTime = null;
        }
        if (javaTime != null && javaTime.toString().equals(text) && javaTime.getYear() >= 0 && javaTime.getYear() <= 9999) {
            assertThat(CanonicalTime.date(text)).as(text).isEqualTo(javaTime);
        } else {
            assertThat(CanonicalTime.date(text)).as(text).isNull();
        }
    }

    @Example
    void instantsBeyondLocalDateTimesRangeAreWrittenAsJavaTimeWritesThem() {
        assertThat(CanonicalTime.text(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(CanonicalTime.text(Instant.MAX)).isEqualTo(Instant.MAX.toString());
        Instant farPast = Instant.parse("-1000000000-12-31T06:00:00Z");
        assertThat(CanonicalTime.text(farPast)).isEqualTo(farPast.toString());
        assertThat(CanonicalTime.instant(farPast.toString())).isNull();
    }

    @Example
    void theShapesJavaTimeWouldNotWriteAreLeftToIt() {
        assertThat(CanonicalTime.instant("2026-12-04T10:15:30.250Z")).isEqualTo(Instant.parse("2026-12-04T10:15:30.250Z"));
        assertThat(CanonicalTime.instant("2026-12-04T10:15:30.000Z")).isNull();   // toString writes no fraction
        assertThat(CanonicalTime.instant("2026-12-04T10:15:30.250000Z")).isNull(); // toString writes .250
        assertThat(CanonicalTime.instant("2026-12-04T10:15Z")).isNull();
        assertThat(CanonicalTime.instant("2026-12-04T23:59:60Z")).isNull();        // a leap second
        assertThat(CanonicalTime.instant("2026-02-30T10:15:30Z")).isNull();
        assertThat(CanonicalTime.instant("+10000-01-01T00:00:00Z")).isNull();
        assertThat(CanonicalTime.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(CanonicalTime.date("2023-02-29")).isNull();
    }

    @Provide
    Arbitrary<String> nearInstants() {
        Arbitrary<String> canonical = instants().map(Instant::toString);
        return canonical.flatMap(text -> Arbitraries.oneOf(Arbitraries.just(text), edits(text)));
    }

    @Provide
    Arbitrary<String> nearDates() {
        Arbitrary<String> canonical = Arbitraries.longs().between(-400, 3_000_000).map(day -> LocalDate.ofEpochDay(day).toString());
        return canonical.flatMap(text -> Arbitraries.oneOf(Arbitraries.just(text), edits(text)));
    }

    /** One character replaced, inserted or removed, by one that matters to the form. */
    private static Arbitrary<String> edits(String text) {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, text.length() - 1);
        Arbitrary<Character> by = Arbitraries.chars().with("0123456789-:.TZz+ ٣");
        return Combinators.combine(at, by, Arbitraries.integers().between(0, 2)).as((i, c, kind) -> switch (kind) {
            case 0 -> text.substring(0, i) + c + text.substring(i + 1);
            case 1 -> text.substring(0, i) + c + text.substring(i);
            default -> text.substring(0, i) + text.substring(i + 1);
        });
    }
}
