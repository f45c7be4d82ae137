package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.store.journal.JournalStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Home, actor, --json, help, and the exit codes that are not about one command. */
class GlobalOptionsTest {
    @TempDir
    Path dir;

    @Test
    void homeComesFromTheEnvironmentWhenNotGivenAndIsCreatedOnFirstUse() {
        Path home = dir.resolve("from-env");
        Cli cli = new Cli(home);
        cli.variables.put("RETRO_GATE_HOME", home.toString());

        Cli.Result result = cli.runBare("incident", "open", "--service", "cart", "--title", "t");

        assertThat(result.code()).isZero();
        assertThat(home).isDirectory();
        assertThat(cli.run("--json", "incident", "show", "INC-1").json().get("openedBy").asText()).isEqualTo("os-user");
    }

    @Test
    void actorFlagBeatsTheEnvironmentWhichBeatsTheOsUser() {
        Cli cli = new Cli(dir);
        cli.variables.put("RETRO_GATE_ACTOR", "env-user");

        cli.run("incident", "open", "--service", "cart", "--title", "one");
        cli.run("--actor", "flag-user", "incident", "open", "--service", "cart", "--title", "two");

        var incidents = cli.run("--json", "incident", "list").json();
        assertThat(incidents.get(0).get("openedBy").asText()).isEqualTo("env-user");
        assertThat(incidents.get(1).get("openedBy").asText()).isEqualTo("flag-user");
    }

    @Test
    void globalOptionsMayFollowTheCommand() {
        Cli cli = new Cli(dir);

        Cli.Result result = cli.runBare("incident", "open", "--service", "cart", "--title", "t", "--json",
                "--home", dir.toString(), "--actor", "late");

        assertThat(result.json().get("openedBy").asText()).isEqualTo("late");
    }

    @Test
    void aHomeThatIsAFileIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        Cli.Result result = new Cli(file).run("incident", "list");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--home", "is not a directory");
    }

    @Test
    void blankActorIsBadInput() {
        Cli.Result result = new Cli(dir).run("--actor", " ", "incident", "list");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--actor");
    }

    @Test
    void usageErrorsAreExitTwoWithJsonErrorDocumentInJsonMode() {
        Cli cli = new Cli(dir);

        Cli.Result none = cli.run();
        Cli.Result unknown = cli.run("--json", "launch");
        Cli.Result missing = cli.run("--json", "gate", "--service", "cart");
        Cli.Result group = cli.run("incident");

        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("a command is required");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.json().at("/error/kind").asText()).isEqualTo("usage");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.json().at("/error/message").asText()).contains("--environment");
        assertThat(group.code()).isEqualTo(2);
        assertThat(group.err()).contains("a sub-command is required");
    }

    @Test
    void jsonErrorsOfTheEngineAreOneDocumentToo() {
        Cli.Result result = new Cli(dir).run("--json", "item", "resolve", "INC-4-A1");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.json().at("/error/exitCode").asInt()).isEqualTo(2);
        assertThat(result.json().at("/error/message").asText()).contains("does not exist");
        assertThat(result.err()).contains("does not exist");
    }

    @Test
    void helpAndVersionExitZero() {
        Cli cli = new Cli(dir);

        assertThat(cli.runBare("--help").code()).isZero();
        assertThat(cli.runBare("--help").out()).contains("gate", "deploy", "rollback", "Exit codes");
        assertThat(cli.runBare("gate", "--help").out()).contains("--change-ticket");
        assertThat(cli.runBare("--version").code()).isZero();
        assertThat(cli.runBare("--json", "gate", "--help").json().get("help").asText()).contains("--change-ticket");
        assertThat(cli.runBare("--version", "--json").json().get("version").asText()).startsWith("retro-gate");
    }

    @Test
    void aStoreInUseByAnotherOwnerIsExitFiveAndStaysIntact() {
        Cli cli = new Cli(dir);
        cli.id("incident", "open", "--service", "cart", "--title", "t");
        try (JournalStore holder = JournalStore.open(dir)) {
            var before = cli.fingerprint();

            Cli.Result result = cli.run("--json", "--lock-wait", "0", "incident", "open", "--service", "cart",
                    "--title", "u");

            assertThat(result.code()).isEqualTo(5);
            assertThat(result.err()).contains("is in use by another").doesNotContain("waited");
            assertThat(result.json().at("/error/kind").asText()).isEqualTo("store-locked");

            cli.variables.put("RETRO_GATE_LOCK_WAIT", "250ms");
            Cli.Result waited = cli.run("--json", "incident", "open", "--service", "cart", "--title", "u");
            assertThat(waited.code()).isEqualTo(5);
            assertThat(waited.err()).contains("waited 250 ms", "--lock-wait");
            assertThat(holder.state().incidents()).hasSize(1);
            assertThat(cli.fingerprint()).isEqualTo(before);
        }
        assertThat(cli.run("incident", "list").code()).isZero();
    }

    @Test
    void readCommandsAndAnAllowingGateLeaveAHomeWithATornTailExactlyAsFoundAndTheNextWriteCutsIt() throws Exception {
        Cli cli = new Cli(dir);
        cli.incidentWithItems();
        Path segment = segment();
        java.nio.file.Files.write(segment, "{\"seq\":99,\"half a rec".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        var before = cli.fingerprint();

        assertThat(cli.run("item", "list").code()).isZero();
        assertThat(cli.run("incident", "show", "INC-1").code()).isZero();
        assertThat(cli.run("report").code()).isZero();
        assertThat(cli.run("export").code()).isZero();
        assertThat(cli.run("gate", "--service", "search", "--environment", "production").code()).isZero();
        assertThat(cli.fingerprint()).as("no read changed the home").isEqualTo(before);
        assertThat(cli.run("--json", "verify").json().get("problems")).as("verify reports the torn tail").hasSize(1);

        assertThat(cli.run("incident", "open", "--service", "search", "--title", "next write").code()).isZero();
        assertThat(cli.run("--json", "verify").json().get("problems")).as("the write cut it").isEmpty();
        assertThat(cli.run("--json", "incident", "list").json()).hasSize(2);
    }

    @Test
    void aLockWaitThatIsNoDurationOrTooLongIsBadInputNamingTheFlagOrVariable() {
        Cli cli = new Cli(dir);
        cli.id("incident", "open", "--service", "cart", "--title", "t");
        var before = cli.fingerprint();

        Cli.Result word = cli.run("--lock-wait", "soon", "incident", "open", "--service", "cart", "--title", "u");
        Cli.Result tooLong = cli.run("--lock-wait", "2h", "incident", "list");
        cli.variables.put("RETRO_GATE_LOCK_WAIT", "-5s");
        Cli.Result variable = cli.run("incident", "list");

        assertThat(word.code()).isEqualTo(2);
        assertThat(word.err()).contains("--lock-wait 'soon'", "90s");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("--lock-wait '2h'", "from 0 to 60m");
        assertThat(variable.code()).isEqualTo(2);
        assertThat(variable.err()).contains("$RETRO_GATE_LOCK_WAIT '-5s'");
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    void theRecoveryToolsWaitForNoLockSoABadLockWaitDoesNotStopThem() {
        Cli cli = new Cli(dir);
        cli.id("incident", "open", "--service", "cart", "--title", "t");
        cli.variables.put("RETRO_GATE_LOCK_WAIT", "soon");

        Cli.Result verify = cli.run("verify");
        Cli.Result repair = cli.run("repair");

        assertThat(verify.code()).as(verify.toString()).isZero();
        assertThat(verify.out()).startsWith("OK: ");
        assertThat(repair.code()).as(repair.toString()).isZero();
        assertThat(repair.out()).startsWith("Nothing to repair");
    }

    @Test
    void aCommandWaitsItsTurnWhileAnotherHoldsTheStoreAndThenRecords() throws Exception {
        Cli cli = new Cli(dir);
        cli.id("incident", "open", "--service", "cart", "--title", "t");
        JournalStore holder = JournalStore.open(dir);
        java.util.concurrent.CompletableFuture<Cli.Result> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> cli.run("incident", "open", "--service", "cart", "--title", "second"));
        Thread.sleep(300);
        assertThat(waiting).as("waits while the store is held").isNotDone();
        holder.close();

        Cli.Result result = waiting.get(1, java.util.concurrent.TimeUnit.MINUTES);
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(cli.run("--json", "incident", "list").json()).hasSize(2);
    }

    @Test
    void aCorruptedJournalIsExitFiveForCommandsAndVerifyAndRepairFixesIt() throws Exception {
        Cli cli = new Cli(dir);
        cli.id("incident", "open", "--service", "cart", "--title", "first");
        cli.id("incident", "open", "--service", "cart", "--title", "second");
        cli.id("incident", "open", "--service", "cart", "--title", "third");
        Path segment = damageSecondRecord();

        Cli.Result list = cli.run("incident", "list");
        Cli.Result verify = cli.run("--json", "verify");

        assertThat(list.code()).as(list.toString()).isEqualTo(5);
        assertThat(list.err()).contains(segment.getFileName().toString());
        assertThat(verify.code()).isEqualTo(5);
        assertThat(verify.json().get("ok").asBoolean()).isFalse();
        assertThat(verify.json().get("problems")).isNotEmpty();

        assertThat(verify.json().get("repairWouldCutRecords").asLong()).isEqualTo(2);
        assertThat(verify.json().get("repairWouldReplay").asLong()).as("the third record still verifies").isEqualTo(1);

        Cli.Result repair = cli.run("--json", "repair");
        assertThat(repair.code()).as(repair.toString()).isZero();
        assertThat(repair.json().get("replayed").asInt()).isEqualTo(1);
        assertThat(cli.run("verify").code()).isZero();
        JsonNode incidents = cli.run("--json", "incident", "list").json();
        assertThat(incidents).extracting(i -> i.get("id").asText() + " " + i.get("title").asText())
                .containsExactly("INC-1 first", "INC-3 third");
        assertThat(cli.id("incident", "open", "--service", "cart", "--title", "fourth"))
                .as("INC-2 was named by a cut record: never handed out again").isEqualTo("INC-4");
    }

    @Test
    void anIdNamedOnlyByARecordThatRepairCutIsNeverHandedOutAgain() throws Exception {
        Cli cli = new Cli(dir);
        cli.id("incident", "open", "--service", "cart", "--title", "first");
        cli.id("incident", "open", "--service", "cart", "--title", "second");
        damageSecondRecord();

        Cli.Result repair = cli.run("--json", "repair");

        assertThat(repair.code()).as(repair.toString()).isZero();
        assertThat(repair.json().get("idsReservedUpTo").asText()).contains("INC-2");
        assertThat(cli.id("incident", "open", "--service", "cart", "--title", "third"))
                .as("INC-2 named something else before the repair").isEqualTo("INC-3");
    }

    /** The home's (first) journal segment. */
    private Path segment() throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("journal-")).findFirst().orElseThrow();
        }
    }

    /** Edits the second record's text so that its checksum no longer matches; returns the segment. */
    private Path damageSecondRecord() throws java.io.IOException {
        Path segment = segment();
        List<String> lines = Files.readAllLines(segment, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1).replace("second", "SECOND"));
        Files.write(segment, lines, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return segment;
    }

    @Test
    void verifyOfAMissingHomeIsBadInput() {
        Cli.Result result = new Cli(dir.resolve("nothing-here")).run("verify");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("does not exist");
    }

    @Test
    void anythingUnexpectedIsExitOneWithATrace() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = RetroGateCli.run(new String[] {"boom"}, new CliEnvironment(java.util.Map.of(), new Cli(dir).clock,
                "me", System.in, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err)),
                new Boom());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("unexpected error", "IllegalStateException: boom");
    }

    @Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom");
        }
    }
}
