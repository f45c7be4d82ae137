package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The tool's clock: times written to the millisecond, local date-times read in the machine's zone. */
class MachineClockTest {
    @Test
    void timesAreWholeMillisecondsOfNow() {
        Clock clock = CliEnvironment.system().clock();
        Instant before = Instant.now().minusMillis(1);

        Instant now = clock.instant();

        assertThat(now.truncatedTo(ChronoUnit.MILLIS)).isEqualTo(now);
        assertThat(now).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
        Instant elsewhere = clock.withZone(ZoneId.of("Asia/Kolkata")).instant();
        assertThat(elsewhere.truncatedTo(ChronoUnit.MILLIS)).isEqualTo(elsewhere);
    }

    @Test
    @SuppressWarnings("JavaTimeDefaultTimeZone") // the machine's zone is what is asserted
    void theZoneIsTheMachines() {
        assertThat(CliEnvironment.system().clock().getZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(CliEnvironment.system().clock().withZone(ZoneId.of("Asia/Kolkata")).getZone())
                .isEqualTo(ZoneId.of("Asia/Kolkata"));
    }
}
