package io.jenkins.plugins.retrogate.cli;

import picocli.CommandLine.ParameterException;

/** A command made of sub-commands ({@code incident open}, {@code item list}): alone it is a usage error. */
abstract class CliGroup extends CliCommand {
    @Override
    int execute() {
        throw new ParameterException(spec.commandLine(), "a sub-command is required: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
