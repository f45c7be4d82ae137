package io.jenkins.plugins.retrogate.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the tool takes from the world it runs in: environment variables, the clock, the OS user and
 * the standard streams. Tests hand in their own; {@link #system()} is the real one.
 */
public record CliEnvironment(Map<String, String> variables, Clock clock, String osUser, InputStream in,
        PrintWriter out, PrintWriter err) {

    @SuppressWarnings("JavaTimeDefaultTimeZone") // the machine's zone, on purpose: see below
    public static CliEnvironment system() {
        // Milliseconds are precise enough for people and keep the JSON readable; the zone is the
        // machine's, for local date-times typed on the command line (every instant written is UTC)
        Clock clock = Clock.tick(Clock.systemDefaultZone(), Duration.ofMillis(1));
        return new CliEnvironment(System.getenv(), clock, System.getProperty("user.name"), System.in,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    /** The same world writing to other streams (the demo captures what each step prints). */
    public CliEnvironment withStreams(PrintWriter newOut, PrintWriter newErr) {
        return new CliEnvironment(variables, clock, osUser, in, newOut, newErr);
    }

    /** The same world with another clock (the demo plays its story over a few days). */
    public CliEnvironment withClock(Clock newClock) {
        return new CliEnvironment(variables, newClock, osUser, in, out, err);
    }

    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
