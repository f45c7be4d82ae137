package io.jenkins.plugins.retrogate.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the tool takes from the world it runs in: environment variables, the clock, the OS user,
 * the standard streams and whether they are a terminal. Tests hand in their own; {@link #system()} is
 * the real one.
 */
public record CliEnvironment(Map<String, String> variables, Clock clock, String osUser, InputStream in,
        PrintWriter out, PrintWriter err, boolean terminal) {

    /** A world whose streams are not a terminal (files, pipes, tests). */
    public CliEnvironment(Map<String, String> variables, Clock clock, String osUser, InputStream in,
            PrintWriter out, PrintWriter err) {
        this(variables, clock, osUser, in, out, err, false);
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), new MachineClock(), System.getProperty("user.name"), System.in,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                interactive());
    }

    /**
     * Whether stdout is a terminal. Up to JDK 21 {@code System.console()} is null when a stream is
     * redirected; from JDK 22 it is always there and {@code Console.isTerminal()} says (read
     * reflectively: the code is built for 17).
     */
    @SuppressWarnings("SystemConsoleNull") // handled: isTerminal() is asked where it exists
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17 to 21: a console exists only for a terminal
        }
    }

    /** The same world writing to other streams (the demo captures what each step prints). */
    public CliEnvironment withStreams(PrintWriter newOut, PrintWriter newErr) {
        return new CliEnvironment(variables, clock, osUser, in, newOut, newErr, terminal);
    }

    /** The same world with another clock (the demo plays its story over a few days). */
    public CliEnvironment withClock(Clock newClock) {
        return new CliEnvironment(variables, newClock, osUser, in, out, err, terminal);
    }

    /**
     * Whether to colour what people read: on a terminal, unless {@code NO_COLOR} is set (to anything,
     * as no-color.org asks) or the terminal is {@code dumb}.
     */
    public boolean colour() {
        return terminal && !variables.containsKey("NO_COLOR") && !"dumb".equals(variables.get("TERM"));
    }

    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
