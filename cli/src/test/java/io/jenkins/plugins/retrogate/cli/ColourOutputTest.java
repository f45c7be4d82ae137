package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision's word in colour on a terminal; never in a pipe, with NO_COLOR, on a dumb terminal or in JSON. */
class ColourOutputTest {
    private static final String ESC = "\u001b[";
    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
        cli.incidentWithItems();
    }

    private Cli.Result gate() {
        return cli.run("gate", "--service", "checkout-api", "--environment", "production", "--build-url", "https://ci/7/");
    }

    @Test
    void onATerminalTheBlockIsRedAndTheRestOfTheLineIsPlain() {
        cli.terminal = true;

        Cli.Result result = gate();

        assertThat(result.code()).isEqualTo(ExitCode.BLOCKED);
        String first = result.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith(ESC).contains("31mBLOCK" + ESC);
        assertThat(first.replaceAll("\u001b\\[[0-9;]*m", "")).startsWith("BLOCK: checkout-api → production is blocked");
        assertThat(first.substring(first.indexOf(':'))).doesNotContain(ESC);
        assertThat(result.out().lines().skip(1).filter(line -> line.contains(ESC))).isEmpty();
    }

    @Test
    void noColourInAPipeWithNoColorOnADumbTerminalOrInJson() {
        assertThat(gate().out()).doesNotContain(ESC).startsWith("BLOCK: checkout-api");

        cli.terminal = true;
        cli.variables.put("NO_COLOR", "");
        assertThat(gate().out()).doesNotContain(ESC);

        cli.variables.remove("NO_COLOR");
        cli.variables.put("TERM", "dumb");
        assertThat(gate().out()).doesNotContain(ESC);

        cli.variables.remove("TERM");
        assertThat(cli.run("--json", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", "https://ci/8/").out()).doesNotContain(ESC);
    }
}
