package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind exits 2 (or 4 for a refused rule), names what is wrong, and leaves every
 * file of the home byte-for-byte as it was.
 */
class BadInputChangesNothingTest {
    @TempDir
    Path home;

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("--service", "rollback", "--service", "", "--environment", "production"),
                bad("--service 'a b'", "rollback", "--service", "a b", "--environment", "production"),
                bad("--environment", "rollback", "--service", "cart", "--environment", "x".repeat(101)),
                bad("--reason", "rollback", "--service", "cart", "--environment", "prod", "--reason", "r".repeat(10_001)),
                bad("--detection 'pager'", "incident", "open", "--service", "cart", "--title", "t", "--detection", "pager"),
                bad("--severity 'SEV9'", "incident", "open", "--service", "cart", "--title", "t", "--severity", "SEV9"),
                bad("--title", "incident", "open", "--service", "cart", "--title", " "),
                bad("--detected-at 'yesterday'", "incident", "open", "--service", "cart", "--title", "t", "--detected-at", "yesterday"),
                bad("--detected-at", "incident", "open", "--service", "cart", "--title", "t", "--detected-at", "2099-01-01T00:00:00Z"),
                bad("incident 'INC-x'", "incident", "show", "INC-x"),
                bad("incident 'INC-99'", "incident", "update", "INC-99", "--root-cause", "x"),
                bad("--status 'closed'", "incident", "update", "INC-1", "--status", "closed"),
                bad("--mitigation", "incident", "update", "INC-1", "--mitigation", "scaled out"),
                bad("--mitigation 'forever'", "incident", "update", "INC-1", "--mitigation", "forever:scaled out"),
                bad("--response-started", "incident", "update", "INC-1", "--response-started", "2001-01-01T00:00:00Z"),
                bad("--similar", "incident", "update", "INC-1", "--similar", "INC-1"),
                bad("--at 'last night'", "incident", "update", "INC-1", "--mitigation", "temporary:x", "--at", "last night"),
                bad("--at '2099-01-01T00:00:00Z' is in the future", "incident", "update", "INC-1", "--status", "mitigated",
                        "--at", "2099-01-01T00:00:00Z"),
                bad("--at '1999-12-31T00:00:00Z' is before 2000-01-01T00:00:00Z", "incident", "update", "INC-1",
                        "--mitigation", "temporary:x", "--at", "1999-12-31T00:00"),
                bad("is before the incident's detection", "incident", "update", "INC-1", "--mitigation", "temporary:x",
                        "--at", "2026-11-19T09:00:00Z"),
                bad("--at '2026-11-20T09:00:00Z' dates a status change or a mitigation", "incident", "update", "INC-1",
                        "--root-cause", "x", "--at", "2026-11-20T09:00:00Z"),
                bad("--at '2099-01-01T00:00:00Z' is in the future", "rollback", "--service", "cart", "--environment", "prod",
                        "--at", "2099-01-01T00:00:00Z"),
                bad("--at '1970-01-01T00:00:00Z' is before 2000", "deploy", "--service", "cart", "--environment", "prod",
                        "--outcome", "failed", "--at", "1970-01-01T00:00:00Z"),
                bad("--contributor", "incident", "update", "INC-1", "--contributor", "blamed:bob"),
                bad("--priority 'P3'", "item", "add", "INC-1", "--title", "t", "--priority", "P3", "--type", "other", "--owner", "o"),
                bad("--type 'fix'", "item", "add", "INC-1", "--title", "t", "--priority", "P0", "--type", "fix", "--owner", "o"),
                bad("--owner", "item", "add", "INC-1", "--title", "t", "--priority", "P0", "--type", "other", "--owner", ""),
                bad("--ticket", "item", "add", "INC-1", "--title", "t", "--priority", "P0", "--type", "other", "--owner", "o", "--ticket", "no ticket"),
                bad("--due", "item", "add", "INC-1", "--title", "t", "--priority", "P0", "--type", "other", "--owner", "o", "--due", "31/12/2026"),
                bad("--service", "item", "add", "INC-1", "--title", "t", "--priority", "P0", "--type", "other", "--owner", "o", "--service", "a/b"),
                bad("incident 'INC-7'", "item", "add", "INC-7", "--title", "t", "--priority", "P0", "--type", "other", "--owner", "o"),
                bad("item 'INC-1-B1'", "item", "resolve", "INC-1-B1"),
                bad("--reason", "item", "drop", "INC-1-A1", "--reason", ""),
                bad("--status", "item", "list", "--status", "done"),
                bad("--change-ticket", "gate", "--service", "cart", "--environment", "prod", "--change-ticket", "T".repeat(201)),
                bad("--build-url", "gate", "--service", "cart", "--environment", "prod", "--build-url", "u".repeat(2001)),
                bad("--outcome", "deploy", "--service", "cart", "--environment", "prod", "--outcome", "green"),
                bad("--build", "deploy", "--service", "cart", "--environment", "prod", "--outcome", "failed", "--build", "-3"),
                bad("--for", "override", "approve", "--service", "cart", "--environment", "prod", "--reason", "r", "--for", "0h"),
                bad("--reason", "override", "approve", "--service", "cart", "--environment", "prod", "--reason", " "),
                bad("request", "override", "deny", "REQ-9", "--reason", "r"),
                bad("--format", "report", "--format", "pdf"),
                bad("--days", "report", "--days", "0"),
                bad("--days", "report", "--days", "many"),
                bad("Unknown option", "item", "list", "--colour"),
                bad("Missing required", "item", "add", "INC-1"));
    }

    private static Arguments bad(String expected, String... args) {
        return Arguments.of(expected, args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsExitTwoNamesTheFieldAndChangesNothing(String expected, String[] args) {
        Cli cli = storeWithOneIncident();
        Map<String, String> before = cli.fingerprint();

        Cli.Result result = cli.run(args);

        assertThat(result.code()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(expected);
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    void refusedCommandsChangeNothingEither() {
        Cli cli = storeWithOneIncident();
        cli.run("--actor", "alice", "gate", "--service", "cart", "--environment", "production");
        Map<String, String> before = cli.fingerprint();

        assertThat(cli.run("--actor", "alice", "override", "approve", "--service", "cart", "--environment",
                "production", "--reason", "r").code()).isEqualTo(4);
        assertThat(cli.run("item", "reopen", "INC-1-A1", "--reason", "r").code()).isEqualTo(4);
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    void aBadPolicyFileIsExitTwoNamingTheFieldAndChangesNothing() throws Exception {
        Cli cli = storeWithOneIncident();
        Files.writeString(home.resolve("policy.yaml"), "rules:\n  - service: 'pay-*'\n    mode: loud\n",
                StandardCharsets.UTF_8);
        Map<String, String> before = cli.fingerprint();

        Cli.Result result = cli.run("incident", "open", "--service", "cart", "--title", "t");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("policy.yaml", "rules[0].mode 'loud' is not one of OFF, WARN, BLOCK");
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    void aBadStaleIncidentSwitchIsExitTwoNamingTheValueAndChangesNothing() throws Exception {
        Cli cli = storeWithOneIncident();
        Map<String, String> refusals = Map.of(
                "staleIncidentDays: -2\n", "staleIncidentDays '-2' must be 0 (off) or a whole number of days from 1 to 365",
                "staleIncidentDays: 1w\n", "staleIncidentDays '1w' is not a whole number of days (0 turns it off)");

        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            Files.writeString(home.resolve("policy.yaml"), refusal.getKey(), StandardCharsets.UTF_8);
            Map<String, String> before = cli.fingerprint();
            Cli.Result result = cli.run("item", "add", "INC-1", "--title", "Fix more", "--priority", "P1", "--type",
                    "preventative", "--owner", "team");

            assertThat(result.code()).as(refusal.getKey()).isEqualTo(2);
            assertThat(result.err()).contains("policy.yaml", refusal.getValue());
            assertThat(cli.fingerprint()).isEqualTo(before);
        }
    }

    @Test
    void policyThatIsNotYamlIsExitTwo() throws Exception {
        Cli cli = storeWithOneIncident();
        Files.writeString(home.resolve("policy.yaml"), "fourEyes: [unclosed\n", StandardCharsets.UTF_8);

        Cli.Result result = cli.run("gate", "--service", "cart", "--environment", "production");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("is not valid YAML");
    }

    private Cli storeWithOneIncident() {
        Cli cli = new Cli(home);
        cli.id("incident", "open", "--service", "cart", "--title", "Cart down");
        cli.id("item", "add", "INC-1", "--title", "Fix", "--priority", "P0", "--type", "preventative", "--owner", "team");
        return cli;
    }
}
