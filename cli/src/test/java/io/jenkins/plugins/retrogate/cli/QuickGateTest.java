package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A plain {@code gate} runs without picocli's model, and nobody can tell: it reads every command line it
 * takes exactly as picocli does, leaves every other to picocli, and a run prints and records the same.
 */
class QuickGateTest {
    private static final CliEnvironment WORLD = new CliEnvironment(Map.of(), java.time.Clock.systemUTC(), "os-user",
            java.io.InputStream.nullInputStream(), new java.io.PrintWriter(java.io.Writer.nullWriter()),
            new java.io.PrintWriter(java.io.Writer.nullWriter()));

    @TempDir
    Path dir;

    @Test
    void everyOptionTheGateTakesIsReadWithoutTheModel() {
        CommandLine whole = RetroGateCli.commandLine(new RetroGateCli(WORLD), new String[0], true);
        List<String> names = new ArrayList<>();
        for (OptionSpec option : whole.getSubcommands().get(QuickGate.COMMAND).getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                names.add(option.longestName());
            }
        }

        assertThat(names).hasSize(QuickGate.options().size());
        assertThat(QuickGate.options()).containsExactlyInAnyOrderElementsOf(names);
    }

    @Property(tries = 1000)
    void aCommandLineReadWithoutTheModelIsReadTheSameByPicocli(@ForAll("commandLines") List<String> line) {
        String[] args = line.toArray(String[]::new);

        GateCommand quick = QuickGate.parse(args, WORLD);

        Statistics.collect(quick != null);
        Statistics.coverage(checker -> {
            checker.check(true).percentage(p -> p > 15);
            checker.check(false).percentage(p -> p > 15);
        });
        if (quick == null) {
            return;
        }
        RetroGateCli root = new RetroGateCli(WORLD);
        CommandLine whole = RetroGateCli.commandLine(root, args, true);
        CommandLine.ParseResult parsed = whole.parseArgs(args);
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(QuickGate.COMMAND);
        GateCommand gate = (GateCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(List.of(quick.root().home == null ? "" : quick.root().home, String.valueOf(quick.root().store),
                quick.root().storePasswordFile == null ? "" : quick.root().storePasswordFile, quick.root().json,
                String.valueOf(quick.root().actor), String.valueOf(quick.root().lockWait)))
                .as(line.toString())
                .isEqualTo(List.of(root.home == null ? "" : root.home, String.valueOf(root.store),
                        root.storePasswordFile == null ? "" : root.storePasswordFile, root.json,
                        String.valueOf(root.actor), String.valueOf(root.lockWait)));
        assertThat(fields(quick)).as(line.toString()).isEqualTo(fields(gate));
    }

    private static List<Object> fields(GateCommand gate) {
        return List.of(gate.service, gate.environment, gate.changeTickets, String.valueOf(gate.buildUrl),
                String.valueOf(gate.requestedBy), String.valueOf(gate.folder), String.valueOf(gate.mode));
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> values = Arbitraries.of("checkout-api", "production", "gate", "deploy", "help", "x y",
                "'quoted'", "\"quoted\"", "a=b", "", "-x", "--service", "@args", "/tmp/home", "block", "PAY-1", "5m",
                "https://ci/job/1/", "\u00e9\u2192");
        Arbitrary<String> rootNames = Arbitraries.of("--home", "--store", "--store-password-file", "--actor",
                "--lock-wait");
        Arbitrary<String> gateNames = Arbitraries.of("--service", "--environment", "--change-ticket", "--build-url",
                "--requested-by", "--folder", "--mode");
        Arbitrary<String> odd = Arbitraries.of("--json", "--json=true", "--help", "-h", "--version", "--", "--servic",
                "-service", "gate", "deploy", "@args", "--change-ticket=PAY-2", "--mode=warn", "--home=/tmp/h",
                "--service=", "--environment=production");
        Arbitrary<List<String>> pair = Combinators.combine(Arbitraries.oneOf(rootNames, gateNames), values)
                .as((name, value) -> List.of(name, value));
        Arbitrary<List<String>> joined = Combinators.combine(Arbitraries.oneOf(rootNames, gateNames), values)
                .as((name, value) -> List.of(name + "=" + value));
        Arbitrary<List<String>> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, pair), net.jqwik.api.Tuple.of(2, joined),
                net.jqwik.api.Tuple.of(1, odd.map(List::of)));
        Arbitrary<List<String>> required = Combinators.combine(values, values).as((service, environment) ->
                List.of("--service", service, "--environment", environment));
        return Combinators.combine(piece.list().ofMaxSize(3), required, piece.list().ofMaxSize(4),
                Arbitraries.integers().between(0, 9)).as((before, needed, after, shuffle) -> {
                    List<String> all = new ArrayList<>();
                    before.forEach(all::addAll);
                    all.add(QuickGate.COMMAND);
                    List<List<String>> rest = new ArrayList<>(after);
                    rest.add(Math.min(shuffle % 3, rest.size()), needed);
                    rest.forEach(all::addAll);
                    return all;
                });
    }

    @Test
    void aGateRunWithoutTheModelPrintsAndRecordsWhatItWouldWithIt() throws IOException {
        Cli quick = new Cli(Files.createDirectories(dir.resolve("quick")));
        Cli whole = new Cli(Files.createDirectories(dir.resolve("whole")));
        whole.quickPaths = false;
        for (Cli cli : List.of(quick, whole)) {
            cli.incidentWithItems();
        }
        List<List<String>> lines = List.of(
                List.of("gate", "--service", "checkout-api", "--environment", "staging"),
                List.of("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production",
                        "--build-url", "https://ci/job/1/"),
                List.of("--json", "gate", "--service", "checkout-api", "--environment", "production",
                        "--requested-by", "carol", "--folder", "payments"),
                List.of("gate", "--service=checkout-api", "--environment=production", "--change-ticket", "PAY-1",
                        "--change-ticket=OTHER-2", "--json"),
                List.of("gate", "--service", "checkout-api", "--environment", "production", "--mode", "warn"),
                List.of("gate", "--service", "checkout-api", "--environment", "production", "--mode", "hard"),
                List.of("gate", "--service", "check out!", "--environment", "production"),
                List.of("--json", "gate", "--service", "check out!", "--environment", "production"),
                List.of("--lock-wait", "soon", "gate", "--service", "checkout-api", "--environment", "production"),
                List.of("--actor", "x".repeat(201), "gate", "--service", "checkout-api", "--environment", "production"));
        for (List<String> line : lines) {
            assertThat(QuickGate.parse(withHome(quick, line), WORLD)).as("read without the model: " + line).isNotNull();

            Cli.Result fast = quick.run(line.toArray(String[]::new));
            Cli.Result slow = whole.run(line.toArray(String[]::new));

            assertThat(fast.toString().replace(quick.home.toString(), "<home>")).as(line.toString())
                    .isEqualTo(slow.toString().replace(whole.home.toString(), "<home>"));
        }
        assertThat(journal(quick)).isEqualTo(journal(whole));
        Cli.Result fast = new Cli(dir.resolve("nowhere")).run("gate", "--service", "a", "--environment", "production");
        Cli nowhere = new Cli(dir.resolve("nowhere"));
        nowhere.quickPaths = false;
        assertThat(fast.toString()).contains("refusing to answer from an empty store")
                .isEqualTo(nowhere.run("gate", "--service", "a", "--environment", "production").toString());
    }

    @Test
    void anythingElseIsLeftToPicocli() {
        for (String[] args : new String[][] {
                {"gate", "--service", "checkout-api"},
                {"gate", "--service", "a", "--environment", "b", "--service", "c"},
                {"--service", "a", "gate", "--environment", "b"},
                {"gate", "--service", "-a", "--environment", "b"},
                {"gate", "--service", "a", "--environment", "b", "--help"},
                {"gate", "--service", "a", "--environment", "b", "extra"},
                {"gate", "--service", "a", "--environment"},
                {"@args"}}) {
            assertThat(QuickGate.parse(args, WORLD)).as(String.join(" ", args)).isNull();
        }
        assertThatCode(() -> QuickGate.parse(new String[0], WORLD)).doesNotThrowAnyException();
    }

    @Test
    void aPicocliSettingLeavesTheLineToPicocli() {
        String[] plain = {"gate", "--service", "a", "--environment", "b", "--change-ticket", "\"PAY-1\""};
        assertThat(QuickGate.parse(plain, WORLD)).isNotNull();
        System.setProperty("picocli.trimQuotes", "true"); // as JAVA_OPTS=-Dpicocli.trimQuotes=true would
        try {
            assertThat(QuickGate.parse(plain, WORLD)).isNull();
            assertThat(QuickAnswers.answer(new String[] {"--version"})).isNull();
        } finally {
            System.clearProperty("picocli.trimQuotes");
        }
    }

    private static String[] withHome(Cli cli, List<String> line) {
        List<String> all = new ArrayList<>(List.of("--home", cli.home.toString()));
        all.addAll(line);
        return all.toArray(String[]::new);
    }

    /** The journal's records without their times' effect: both homes ran on clocks that read the same. */
    private static String journal(Cli cli) {
        try (var files = Files.list(cli.home)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("journal-")).sorted().toList()) {
                all.append(Files.readString(file));
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
