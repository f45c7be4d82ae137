package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void theLauncherMakesItsClassDataSharingArchiveOnceInTheBackgroundAndUsesIt() throws Exception {
        Path tool = unpack().resolve("bin/retro-gate");
        Path cache = dir.resolve("cache");

        Run version = run(Map.of("RETRO_GATE_CDS", cache.toString()), tool.toString(), "--version");
        assertThat(version.out()).startsWith("retro-gate ");
        assertThat(cache).as("--version alone loads nothing an archive would hold").doesNotExist();
        Run first = run(Map.of("RETRO_GATE_CDS", cache.toString()), tool.toString(), "--home",
                dir.resolve("first").toString(), "init");
        assertThat(first.code()).as(first.out()).isZero();
        Path archive = awaitArchive(cache);

        // -Xshare:on makes the JVM fail unless it can use the archive the launcher hands it
        Run shared = run(Map.of("RETRO_GATE_CDS", cache.toString(), "JAVA_OPTS", "-Xshare:on"), tool.toString(),
                "--home", dir.resolve("home").toString(), "rollback", "--service", "pay", "--environment", "production",
                "--version", "1.2");
        assertThat(shared.code()).as(shared.out()).isZero();
        assertThat(shared.out()).contains("Opened incident INC-1");

        Run off = run(Map.of("RETRO_GATE_CDS", "off", "JAVA_OPTS", "-Xshare:auto"), tool.toString(), "--version");
        assertThat(off.out()).isEqualTo(version.out());
        try (var files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly(archive.getFileName().toString());
        }
    }

    @Test
    void theLauncherRunsOnTheJvmsDefaultCollectorOrTheOneTheUserChooses() throws Exception {
        Path tool = unpack().resolve("bin/retro-gate");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Run jvmDefault = run(Map.of(), java, "-Xlog:gc=info:stdout", "-version");
        String collector = jvmDefault.out().lines().filter(line -> line.contains("Using ")).findFirst().orElseThrow();

        Run byDefault = run(Map.of("JAVA_OPTS", "-Xlog:gc=info:stdout"), tool.toString(), "--version");
        Run serial = run(Map.of("JAVA_OPTS", "-XX:+UseSerialGC -Xlog:gc=info:stdout"), tool.toString(), "--version");
        Run tool1 = run(Map.of("JAVA_TOOL_OPTIONS", "-XX:+UseSerialGC"), tool.toString(), "--version");

        assertThat(byDefault.code()).as(byDefault.out()).isZero();
        assertThat(byDefault.out()).contains(collector.substring(collector.indexOf("Using "))).contains("retro-gate ");
        for (Run chosen : List.of(serial, tool1)) {   // never "Multiple garbage collectors selected"
            assertThat(chosen.code()).as(chosen.out()).isZero();
            assertThat(chosen.out()).contains("retro-gate ");
        }
        assertThat(serial.out()).contains("Using Serial");
    }

    private static Path awaitArchive(Path cache) throws InterruptedException, java.io.IOException {
        for (int i = 0; i < 1200; i++) {
            if (Files.isDirectory(cache)) {
                try (var files = Files.list(cache)) {
                    var archive = files.filter(f -> f.getFileName().toString().endsWith(".jsa")).findFirst();
                    if (archive.isPresent() && !Files.exists(Path.of(archive.get() + ".lock"))) {
                        return archive.get();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the launcher made no class-data-sharing archive in " + cache);
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
    void aManPageForTheToolAndEachCommandReadsLikeItsHelp() throws Exception {
        Path man = unpack().resolve("man/man1");

        assertThat(man.resolve("retro-gate.1")).exists();
        for (String command : List.of("gate", "deploy", "rollback", "override-approve", "override-list",
                "incident-retro", "report", "demo")) {
            assertThat(man.resolve("retro-gate-" + command + ".1")).as(command).exists();
        }
        String gate = Files.readString(man.resolve("retro-gate-gate.1"), StandardCharsets.UTF_8);
        assertThat(gate).startsWith("'\\\" t").contains(".TH \"RETRO\\-GATE\\-GATE\" \"1\"")
                .contains("\\-\\-service").contains("May this deployment go ahead?");
        if (Files.isExecutable(Path.of("/usr/bin/man"))) {
            Run shown = run(Map.of("MANWIDTH", "100"), "man", "-l", man.resolve("retro-gate-override-approve.1").toString());
            assertThat(shown.out()).contains("retro-gate-override-approve - Approves an override of a blocked deployment",
                    "--reason=TEXT", "Why the deployment may go ahead despite the open items");
        }
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

    /** Runs with the launcher's archive kept in this test's directory, unless {@code env} says otherwise. */
    private Run run(Map<String, String> env, String... command) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(Map.of("RETRO_GATE_CDS", dir.resolve("cds").toString()));
        all.putAll(env);
        ShellRun run = ShellRun.in(dir, all, command);
        return new Run(run.code(), run.output());
    }
}
