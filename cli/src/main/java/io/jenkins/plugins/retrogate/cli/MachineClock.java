package io.jenkins.plugins.retrogate.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The machine's clock to the millisecond (precise enough for people, and it keeps the JSON readable), in
 * the machine's zone, which is looked up only when something asks for it: finding the zone reads the
 * time-zone database, a good part of a short command's start that most commands never need (every
 * instant written is UTC; the zone is for local date-times typed on the command line and shown in reports).
 */
final class MachineClock extends Clock {
    private volatile ZoneId zone;

    @Override
    @SuppressWarnings("JavaTimeDefaultTimeZone") // the machine's zone, on purpose
    public ZoneId getZone() {
        ZoneId known = zone;
        if (known == null) {
            known = ZoneId.systemDefault();
            zone = known;
        }
        return known;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return Clock.tick(Clock.system(other), Duration.ofMillis(1));
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
