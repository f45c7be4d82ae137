package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user installs it: the tarball unpacked, {@code bin/retro-gate} run directly and
 * through a link on the PATH, the bash completion loaded and completing; the zip for Windows.
 */
class DistributionIT {
    private static final Path TARBALL = Path.of(System.getProperty("retrogate.dist", "target/retro-gate.tar.gz"))
            .toAbsolutePath();

    @TempDir
    Path dir;

    record Run(int code, String out) {
    }

    @Test
    void theUnpackedToolRunsTheDemoDirectlyAndThroughALinkOnThePath() throws Exception {
        Path tool = unpack().resolve("bin/retro-gate");
        assertThat(Files.isExecutable(tool)).isTrue();

        Run demo = run(Map.of(), tool.toString(), "demo");
        assertThat(demo.code()).as(demo.out()).isZero();
        assertThat(demo.out()).contains("Retro Gate demo", "BLOCK: checkout-api → production");

        Path onPath = Files.createDirectories(dir.resolve("path"));
        Files.createSymbolicLink(onPath.resolve("retro-gate"), tool);
        Run linked = run(Map.of("PATH", onPath + ":" + System.getenv("PATH"),
                "JAVA_HOME", System.getProperty("java.home")), "sh", "-c", "retro-gate --version");
        assertThat(linked.code()).as(linked.out()).isZero();
        assertThat(linked.out()).startsWith("retro-gate ");
    }

    @Test
    void theBashCompletionCompletesCommandsAndOptions() throws Exception {
        Path completion = unpack().resolve("completion/retro-gate.bash");

        Run commands = run(Map.of(), "bash", "-c", ". '" + completion + "' && COMP_WORDS=(retro-gate ga) && COMP_CWORD=1"
                + " && { _complete_retro-gate 2>/dev/null; echo \"${COMPREPLY[@]}\"; }");
        Run options = run(Map.of(), "bash", "-c", ". '" + completion + "' && COMP_WORDS=(retro-gate gate --ser)"
                + " && COMP_CWORD=2 && { _complete_retro-gate 2>/dev/null; echo \"${COMPREPLY[@]}\"; }");

        assertThat(commands.out().strip()).isEqualTo("gate");
        assertThat(options.out().strip()).isEqualTo("--service");
    }

    @Test
    void theZipHoldsTheWindowsLauncherWithWindowsLineEndsAndTheSameJar() throws Exception {
        Path zip = Path.of(TARBALL.toString().replace(".tar.gz", ".zip"));
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            String cmd = new String(archive.getInputStream(archive.getEntry("retro-gate/bin/retro-gate.cmd")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(cmd).contains("\r\n").contains("-jar \"%APP_HOME%\\lib\\retro-gate.jar\" %*");
            assertThat(archive.getEntry("retro-gate/lib/retro-gate.jar")).isNotNull();
            assertThat(archive.getEntry("retro-gate/README.txt")).isNotNull();
        }
    }

    private Path unpack() throws Exception {
        Run untar = run(Map.of(), "tar", "xzf", TARBALL.toString(), "-C", dir.toString());
        assertThat(untar.code()).as(untar.out()).isZero();
        return dir.resolve("retro-gate");
    }

    private Run run(Map<String, String> env, String... command) throws Exception {
        ShellRun run = ShellRun.in(dir, env, command);
        return new Run(run.code(), run.output());
    }
}
