package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Speaks the user's language in errors: the engine names fields ({@code buildUrl}), the user typed
 * flags ({@code --build-url}). Values parsed by the tool itself are checked here too.
 */
final class Flags {
    private static final Map<String, String> ALIASES = Map.of("services", "--service", "responseStartedAt",
            "--response-started", "changeTicket", "--change-ticket", "detectedAt", "--detected-at");

    private Flags() {
    }

    /** The engine's message with its field replaced by the flag the user typed, when the command has one. */
    static String describe(InvalidInputException e, CommandSpec command) {
        String field = e.field();
        String message = e.getMessage();
        String flag = ALIASES.getOrDefault(field, "--" + kebab(field));
        if (command.findOption(flag) != null && message.startsWith(field)) {
            return flag + message.substring(field.length());
        }
        return message;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
