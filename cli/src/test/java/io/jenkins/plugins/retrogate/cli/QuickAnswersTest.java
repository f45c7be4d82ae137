package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --version} and {@code --help} answered without a model say exactly what the model says. */
class QuickAnswersTest {
    @TempDir
    Path home;

    @Test
    void theBuiltHelpIsTheHelpTheModelRendersWithAndWithoutColour() throws IOException {
        assertThat(builtHelp(QuickAnswers.HELP)).as("rebuild: the help was rendered from an older model")
                .isEqualTo(QuickAnswers.renderHelp(false));
        assertThat(builtHelp(QuickAnswers.HELP_IN_COLOUR)).isEqualTo(QuickAnswers.renderHelp(true))
                .contains("\u001B[");
    }

    @Test
    void theQuickHelpIsWhatTheToolPrintsForHelp() {
        Cli.Result typed = new Cli(home).runBare("--help");

        assertThat(typed.code()).isZero();
        assertThat(typed.out()).isEqualTo(QuickAnswers.renderHelp(false))
                .contains("gate ", "Exit codes:");
        assertThat(QuickAnswers.answer(new String[] {"-h"})).isIn(QuickAnswers.renderHelp(false),
                QuickAnswers.renderHelp(true));
    }

    @Test
    void theQuickVersionIsWhatTheToolPrintsForVersion() {
        Cli.Result typed = new Cli(home).runBare("--version");

        assertThat(QuickAnswers.answer(new String[] {"--version"})).isEqualTo(typed.out())
                .startsWith("retro-gate ");
        assertThat(QuickAnswers.answer(new String[] {"-V"})).isEqualTo(typed.out());
    }

    @Test
    void anythingElseGoesToTheFullCommandLine() {
        assertThat(QuickAnswers.answer(new String[] {"gate", "--help"})).isNull();
        assertThat(QuickAnswers.answer(new String[] {"--json", "--version"})).isNull();
        assertThat(QuickAnswers.answer(new String[] {"--home", "--help"})).isNull();
        assertThat(QuickAnswers.answer(new String[0])).isNull();
    }

    private static String builtHelp(String name) throws IOException {
        try (InputStream in = QuickAnswers.class.getResourceAsStream(name)) {
            assertThat(in).as(name + " is built from the model when the tool is compiled").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
