package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** Only the sub-command typed is built, and nobody can tell from what the tool does. */
class SubcommandsTest {
    @TempDir
    Path home;

    private final CommandSpec root = RetroGateCli.commandLine(new RetroGateCli(CliEnvironment.system()),
            new String[0], false).getCommandSpec();

    @Test
    void theSubcommandIsTheFirstWordThatIsNeitherARootOptionNorItsValue() {
        assertThat(Subcommands.named(root, new String[] {"--home", "h", "incident", "list"})).isEqualTo("incident");
        // picocli refuses a sub-command's name as a root option's value, but only with that sub-command in the model
        assertThat(Subcommands.named(root, new String[] {"--home", "gate", "incident", "list"})).isEqualTo("@");
        assertThat(Subcommands.named(root, new String[] {"--json", "--actor=gate", "deploy"})).isEqualTo("deploy");
        assertThat(Subcommands.named(root, new String[] {"--lock-wait", "5m", "--store", "x", "report"}))
                .isEqualTo("report");
        assertThat(Subcommands.named(root, new String[] {"--", "gate"})).isEqualTo("gate");
        assertThat(Subcommands.named(root, new String[] {"@args.txt"})).isEqualTo("@");
        assertThat(Subcommands.named(root, new String[] {"--json", "--help"})).isNull();
    }

    @Test
    void onlyTheNamedSubcommandHasItsWholeModel() {
        CommandSpec built = RetroGateCli.commandLine(new RetroGateCli(CliEnvironment.system()),
                new String[] {"--home", "h", "gate", "--service", "s"}, false).getCommandSpec();

        assertThat(built.subcommands().get("gate").getCommandSpec().findOption("--service")).isNotNull();
        assertThat(built.subcommands()).containsOnlyKeys("gate");
    }

    @Test
    void everySubcommandIsListedUnderItsOwnName() {
        CommandSpec whole = RetroGateCli.commandLine(new RetroGateCli(CliEnvironment.system()), new String[0], true)
                .getCommandSpec();

        Subcommands.ALL.forEach((name, type) ->
                assertThat(type.getAnnotation(Command.class).name()).as(type.getName()).isEqualTo(name));
        assertThat(whole.subcommands()).containsOnlyKeys(Subcommands.ALL.keySet().toArray(String[]::new));
    }

    @Test
    void aMistakeInTheNamedSubcommandIsToldAsTheWholeToolTellsIt() {
        Cli cli = new Cli(home);

        Cli.Result missing = cli.runBare("--home", home.toString(), "gate", "--service", "s");
        Cli.Result rootHelp = cli.runBare("--home", home.toString(), "--help", "gate");

        assertThat(missing.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("Missing required option: '--environment=E'");
        assertThat(rootHelp.code()).isZero();
        assertThat(rootHelp.out()).contains("deploy", "rollback", "override");
    }

    @Test
    void helpForASubcommandAndTheListOfCommandsAreTheFullModelsOwn() {
        Cli cli = new Cli(home);

        Cli.Result help = cli.runBare("help", "gate");
        Cli.Result listed = cli.runBare("--json", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--environment=E", "--service=S");
        assertThat(listed.code()).isZero();
        assertThat(cli.runBare("--help").out()).isEqualTo(QuickAnswers.renderHelp(false));
    }

    @Test
    void aRootOptionsValueThatNamesAnotherSubcommandIsRefusedAsTheWholeToolRefusesItAndChangesNothing() {
        Cli cli = new Cli(home);
        cli.incidentWithItems();
        var before = cli.fingerprint();

        Cli.Result refused = cli.run("--actor", "deploy", "gate", "--service", "checkout-api", "--environment",
                "production");
        Cli.Result listed = cli.run("--actor", "report", "item", "list");

        assertThat(refused.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("Expected parameter for option '--actor' but found 'deploy'");
        assertThat(listed.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    void aMistypedCommandIsAUsageErrorNamingIt() {
        Cli.Result typo = new Cli(home).runBare("--home", home.toString(), "gatee");

        assertThat(typo.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(typo.err()).contains("'gatee'");
    }
}
