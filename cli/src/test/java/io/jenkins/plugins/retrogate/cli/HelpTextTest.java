package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Every command, option and parameter says in --help what it is for. */
class HelpTextTest {

    @Test
    void everyOptionAndParameterOfEveryCommandHasAHelpText() {
        List<String> silent = new ArrayList<>();
        collect(RetroGateCli.commandLine(new RetroGateCli(CliEnvironment.system()), new String[0], true), silent);

        assertThat(silent).as("options and parameters without a description in --help").isEmpty();
    }

    private static void collect(CommandLine command, List<String> silent) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.usageMessage().description().length == 0) {
            silent.add(spec.qualifiedName() + " (the command)");
        }
        for (OptionSpec option : spec.options()) {
            if (option.description().length == 0 || String.join("", option.description()).isBlank()) {
                silent.add(spec.qualifiedName() + " " + option.longestName());
            }
        }
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (parameter.description().length == 0) {
                silent.add(spec.qualifiedName() + " " + parameter.paramLabel());
            }
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, silent));
    }
}
