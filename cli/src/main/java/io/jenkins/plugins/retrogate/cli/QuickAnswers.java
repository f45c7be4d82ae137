package io.jenkins.plugins.retrogate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code retro-gate --version} and {@code retro-gate --help} answered without building a command model:
 * a pipeline's version check, or a person's first look, costs a JVM start and little more. The help is
 * rendered from the real model when the tool is built ({@link #main}, both with and without colour), and
 * {@code QuickAnswersTest} holds it to what the model renders now. Anything else, or a {@code picocli.*}
 * setting (a usage width, colours), goes to the full command line.
 */
final class QuickAnswers {
    static final String HELP = "help.txt";
    static final String HELP_IN_COLOUR = "help-ansi.txt";

    private QuickAnswers() {
    }

    /** What {@code args} print, when that needs no model; {@code null} otherwise. */
    static String answer(String[] args) {
        if (args.length != 1 || picocliConfigured()) {
            return null;
        }
        return switch (args[0]) {
            case "--version", "-V" -> new Version().getVersion()[0].concat(System.lineSeparator());
            case "--help", "-h" -> resource(Ansi.AUTO.enabled() ? HELP_IN_COLOUR : HELP);
            default -> null;
        };
    }

    /**
     * Whether a {@code picocli.*} system property is set ({@code $JAVA_OPTS}): it may change how picocli
     * reads a command line or renders help ({@code picocli.trimQuotes}, {@code picocli.usage.width},
     * {@code picocli.ansi}, {@code picocli.trace}...), so only picocli itself may answer then.
     */
    static boolean picocliConfigured() {
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("picocli.")) {
                return true;
            }
        }
        return false;
    }

    private static String resource(String name) {
        try (InputStream in = QuickAnswers.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** The root's help as the full model renders it, with or without colour. */
    static String renderHelp(boolean colour) {
        CommandLine line = RetroGateCli.commandLine(new RetroGateCli(CliEnvironment.system()), new String[0], true);
        return line.getUsageMessage(colour ? Ansi.ON : Ansi.OFF);
    }

    /** Run when the tool is built: writes both renderings of the help into the directory {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).resolve(QuickAnswers.class.getPackageName().replace('.', '/'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(HELP), renderHelp(false), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HELP_IN_COLOUR), renderHelp(true), StandardCharsets.UTF_8);
    }
}
