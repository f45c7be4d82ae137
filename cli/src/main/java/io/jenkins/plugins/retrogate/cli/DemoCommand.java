package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole story in a temporary home, narrated, each step a real command line of this
 * tool (run in-process) with its output and exit code, so a newcomer sees what to type.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, header = "The whole story in a temporary home, narrated.",
        description = {"Runs the whole story in a temporary home and narrates each step: a deploy, a rollback",
                "that opens an incident, action items, a blocked production deploy, a refused self-approval,",
                "an override approved by two release managers, the fix deployed, the item verified, the report."})
final class DemoCommand extends CliCommand {
    private static final String SERVICE = "checkout-api";
    private static final String FIRST_BUILD = "https://ci.example.com/job/checkout-api/140/";
    private static final String BUILD = "https://ci.example.com/job/checkout-api/142/";
    private static final String FIX_BUILD = "https://ci.example.com/job/checkout-api/143/";

    @Option(names = "--keep", description = "Keep the demo's home afterwards, to explore it with other commands.")
    boolean keep;

    private final List<ObjectNode> steps = new ArrayList<>();
    /** How far in the past the current step happens. */
    private Duration offset = Duration.ZERO;

    @Override
    int execute() throws IOException {
        Path home = Files.createTempDirectory("retro-gate-demo-");
        try {
            out().line("Retro Gate demo: a blameless retrospective that sticks. Home: " + home);
            story(home);
            out().line("");
            if (keep) {
                out().line("The demo's store is kept in " + home + ". Explore it, for example:");
                out().line("  retro-gate --home " + home + " incident show INC-1");
            } else {
                out().line("Done. Run 'retro-gate demo --keep' to keep the demo's store and explore it.");
            }
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("home", home.toString());
            json.put("kept", keep);
            ArrayNode array = json.putArray("steps");
            steps.forEach(array::add);
            out().document(json);
            return ExitCode.OK;
        } finally {
            if (!keep) {
                delete(home);
            }
        }
    }

    /**
     * The story plays over about two days that end now: the demo's clock starts in the past and
     * moves forward between steps, so that the report shows real durations.
     */
    private void story(Path home) {
        String prod = "production";
        List<Duration> pauses = List.of(Duration.ofHours(3), Duration.ofMinutes(25), Duration.ofHours(20),
                Duration.ofHours(2), Duration.ofHours(22));
        offset = pauses.stream().reduce(Duration.ZERO, Duration::plus).plusMinutes(5).negated();
        step(home, "The home gets its store once, on purpose: the gate refuses to answer from a store that"
                + " does not exist.", 0, "init");
        policy(home, "The administrator's policy (policy.yaml in the home) asks two release managers to approve"
                + " any override in production:", "approvals:\n  - environment: production\n    required: 2\n");
        step(home, "Day 1: a deployment asks the gate, goes out, and checkout-api 1.4.0 reaches production"
                + " carrying the decision that let it through.", 0,
                "--actor", "alice", "gate", "--service", SERVICE, "--environment", prod, "--build-url", FIRST_BUILD);
        step(home, null, 0, "--actor", "alice", "deploy", "--service", SERVICE, "--environment", prod,
                "--version", "1.4.0", "--build-url", FIRST_BUILD, "--outcome", "succeeded");
        offset = offset.plus(pauses.get(0));
        step(home, "Three hours later 1.4.1 breaks payments and is rolled back: the rollback opens an incident.", 0,
                "--actor", "alice", "rollback", "--service", SERVICE, "--environment", prod, "--version", "1.4.1",
                "--reason", "payment timeouts after the connection pool change");
        offset = offset.plus(pauses.get(1));
        step(home, "25 minutes later the response, started 5 minutes after the rollback, has mitigated it.", 0,
                "--actor", "carol", "incident", "update", "INC-1", "--status", "mitigated",
                "--mitigation", "temporary:rolled back to 1.4.0", "--response-started", demoTimeAgo(Duration.ofMinutes(20)));
        offset = offset.plus(pauses.get(2));
        step(home, "Day 2, the retrospective: systems, not people. The root cause, then the action items: a"
                + " preventative P0 (it will block) and a P1.", 0,
                "--actor", "carol", "incident", "update", "INC-1", "--root-cause",
                "the pool size was lowered without a load test", "--not-seen-before");
        step(home, null, 0, "--actor", "carol", "item", "add", "INC-1", "--title", "Load-test pool settings in CI",
                "--priority", "P0", "--type", "preventative", "--owner", "team-payments", "--ticket", "PAY-123");
        step(home, null, 0, "--actor", "carol", "item", "add", "INC-1", "--title", "Alert on payment timeouts",
                "--priority", "P1", "--type", "mitigative", "--owner", "team-sre", "--ticket", "OPS-7");
        step(home, "Every question has its answer and the actions are in: the retrospective is REVIEWED (not"
                + " before: the policy's requireRetroReadiness asks for that).", 0,
                "--actor", "carol", "incident", "update", "INC-1", "--status", "reviewed");
        offset = offset.plus(pauses.get(3));
        step(home, "alice wants 1.4.2 (an urgent tax fix, not the pool fix) in production: the gate blocks"
                + " while the P0 is open.", 3,
                "--actor", "alice", "gate", "--service", SERVICE, "--environment", prod, "--build-url", BUILD);
        step(home, "alice tries to approve the override of her own deployment: four eyes refuses.", 4,
                "--actor", "alice", "override", "approve", "--service", SERVICE, "--environment", prod,
                "--build-url", BUILD, "--reason", "urgent tax fix");
        step(home, "bob, a release manager, approves it for that one build, with a reason (audited): one of the"
                + " two approvals the policy asks for.", 0,
                "--actor", "bob", "override", "approve", "--service", SERVICE, "--environment", prod,
                "--build-url", BUILD, "--reason", "urgent tax fix; pool settings unchanged in 1.4.2");
        step(home, "The pending request shows who has approved and what is missing.", 0,
                "override", "list", "--pending");
        step(home, "dave, a second release manager, approves too: the override takes effect with both names.", 0,
                "--actor", "dave", "override", "approve", "--service", SERVICE, "--environment", prod,
                "--build-url", BUILD, "--reason", "agreed: tax deadline today, pool code untouched");
        step(home, "The same build asks again: OVERRIDDEN, it may go out.", 0,
                "--actor", "alice", "gate", "--service", SERVICE, "--environment", prod, "--build-url", BUILD);
        step(home, null, 0, "--actor", "alice", "deploy", "--service", SERVICE, "--environment", prod,
                "--version", "1.4.2", "--build-url", BUILD, "--outcome", "succeeded");
        offset = offset.plus(pauses.get(4));
        step(home, "Day 3: the fix ships in 1.4.3, whose change set names PAY-123: the gate lets it through (it"
                + " carries the fix), and that production deployment resolves and verifies the item.", 0,
                "--actor", "alice", "gate", "--service", SERVICE, "--environment", prod, "--build-url", FIX_BUILD,
                "--change-ticket", "PAY-123");
        step(home, null, 0, "--actor", "alice", "deploy", "--service", SERVICE, "--environment", prod,
                "--version", "1.4.3", "--build-url", FIX_BUILD, "--change-ticket", "PAY-123", "--outcome", "succeeded");
        step(home, "The items now: the P0 is VERIFIED — nobody could have set that by hand.", 0,
                "item", "list", "--incident", "INC-1");
        step(home, "The next deployment passes the gate.", 0,
                "--actor", "alice", "gate", "--service", SERVICE, "--environment", prod);
        step(home, "And the report: DORA figures and the retrospective's own.", 0, "report");
        step(home, "Last, the retrospective document of INC-1, generated from the event log: timeline, the five"
                + " questions, people to hear by role, action items. Nothing typed twice.", 0, "incident", "retro", "INC-1");
    }

    /** Writes {@code <home>/policy.yaml} and shows it, as an administrator would have written it. */
    private void policy(Path home, String narration, String yaml) {
        try {
            Files.writeString(home.resolve(Policies.FILE), yaml, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Output out = out();
        out.line("");
        out.line("== " + narration);
        out.line("$ cat " + Policies.FILE);
        yaml.lines().forEach(line -> out.line("  " + line));
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("narration", narration);
        json.put("command", "cat " + Policies.FILE);
        json.put("exitCode", 0);
        json.put("output", yaml);
        steps.add(json);
    }

    /** The demo's own "now" less {@code before}, as the instant a user would type. */
    private String demoTimeAgo(Duration before) {
        return Clock.offset(root().environment().clock(), offset).instant().minus(before)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private void step(Path home, String narration, int expected, String... args) {
        List<String> command = new ArrayList<>(List.of("--home", home.toString()));
        command.addAll(List.of(args));
        StringWriter captured = new StringWriter();
        PrintWriter writer = new PrintWriter(captured);
        CliEnvironment world = root().environment();
        int code = RetroGateCli.run(command.toArray(String[]::new),
                world.withStreams(writer, writer).withClock(Clock.offset(world.clock(), offset)));
        writer.flush();
        String shown = "retro-gate " + String.join(" ", List.of(args).stream().map(RetroGateCli::quote).toList());
        Output out = out();
        if (narration != null) {
            out.line("");
            out.line("== " + narration);
        }
        out.line("$ " + shown);
        captured.toString().lines().forEach(line -> out.line("  " + line));
        out.line("  (exit " + code + ")");
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("narration", narration);
        json.put("command", shown);
        json.put("exitCode", code);
        json.put("output", captured.toString());
        steps.add(json);
        if (code != expected) {
            throw new IllegalStateException("demo step '" + shown + "' ended with exit " + code + ", expected " + expected);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
