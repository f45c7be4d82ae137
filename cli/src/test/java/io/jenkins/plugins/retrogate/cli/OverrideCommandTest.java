package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverrideCommandTest {
    private static final String BUILD = "https://ci/job/checkout/7/";
    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void blockedBuildOfAlice() {
        cli = new Cli(home);
        cli.incidentWithItems();
        assertThat(cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", BUILD).code()).isEqualTo(3);
    }

    @Test
    void fourEyesRefusesTheRequesterWithExitFourAndChangesNothing() {
        var before = cli.fingerprint();

        Cli.Result result = cli.run("--actor", "alice", "override", "approve", "--service", "checkout-api",
                "--environment", "production", "--build-url", BUILD, "--reason", "mine");

        assertThat(result.code()).isEqualTo(4);
        assertThat(result.err()).contains("Four eyes", "alice", "REQ-1").contains("Nothing was changed");
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    @Test
    void actorFromEnvironmentIsTheRequesterToo() {
        cli.variables.put("RETRO_GATE_ACTOR", "alice");

        Cli.Result result = cli.run("override", "approve", "--service", "checkout-api", "--environment", "production",
                "--build-url", BUILD, "--reason", "mine");

        assertThat(result.code()).isEqualTo(4);
    }

    @Test
    void anotherReleaseManagerApprovesTheBuildAndItPasses() {
        Cli.Result approved = cli.run("--json", "--actor", "bob", "override", "approve", "--service", "checkout-api",
                "--environment", "production", "--build-url", BUILD, "--reason", "urgent fix");

        assertThat(approved.code()).isZero();
        JsonNode override = approved.json();
        assertThat(override.get("id").asText()).isEqualTo("OVR-1");
        assertThat(override.get("scope").asText()).isEqualTo("BUILD");
        assertThat(override.get("approvedBy").asText()).isEqualTo("bob");
        assertThat(override.get("requestedBy").asText()).isEqualTo("alice");
        assertThat(override.get("requests").get(0).asText()).isEqualTo("REQ-1");
        assertThat(cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", BUILD).code()).isZero();
        assertThat(cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", "https://ci/job/checkout/8/").code()).isEqualTo(3);
    }

    @Test
    void twoOfTwoApproversTheFirstIsRecordedTheSecondMakesItTakeEffect() throws Exception {
        Files.writeString(home.resolve("policy.yaml"), "approvals:\n  - environment: production\n    required: 2\n");
        String[] approve = {"override", "approve", "REQ-1", "--reason", "urgent fix"};

        Cli.Result first = cli.run(concat(new String[] {"--json", "--actor", "bob"}, approve));
        Cli.Result pending = cli.run("override", "list", "--pending");
        Cli.Result pendingJson = cli.run("--json", "override", "list", "--pending");
        var beforeAgain = cli.fingerprint();
        Cli.Result again = cli.run(concat(new String[] {"--actor", "Bob"}, approve));
        int stillBlocked = cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment",
                "production", "--build-url", BUILD).code();
        Cli.Result second = cli.run(concat(new String[] {"--actor", "carol"}, approve));

        assertThat(first.code()).isZero();
        assertThat(first.json().get("approval").get("inEffect").asBoolean()).isFalse();
        assertThat(first.json().get("approval").get("missing").asInt()).isEqualTo(1);
        assertThat(first.json().has("id")).as("no override yet").isFalse();
        assertThat(pending.out()).contains("REQ-1 PENDING", "1 of 2 approvals (bob), 1 more needed");
        assertThat(pendingJson.json().get("requests").get(0).get("approval").get("approvers").get(0).asText())
                .isEqualTo("bob");
        assertThat(again.code()).isEqualTo(4);
        assertThat(again.err()).contains("Bob already approved REQ-1 (1 of 2); another release manager must approve",
                "Nothing was changed");
        assertThat(stillBlocked).isEqualTo(3);
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("approved by bob, carol for alice", "2 of 2 approvals (bob, carol):"
                + " override OVR-1 is in effect");
        assertThat(cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", BUILD).code()).isZero();
        assertThat(cli.fingerprint()).isNotEqualTo(beforeAgain);
    }

    @Test
    void theGateSaysHowManyApproversThePolicyAsksFor() throws Exception {
        Files.writeString(home.resolve("policy.yaml"), "approvals:\n  - service: checkout-*\n    required: 3\n");

        Cli.Result blocked = cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment",
                "production", "--build-url", "https://ci/job/checkout/11/");

        assertThat(blocked.out()).contains("3 release managers other than alice must approve it");
    }

    @Test
    void aBadApprovalRuleInThePolicyIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        Files.writeString(home.resolve("policy.yaml"), "approvals:\n  - environment: production\n    required: two\n");
        var before = cli.fingerprint();

        Cli.Result result = cli.run("--actor", "bob", "override", "approve", "REQ-1", "--reason", "urgent fix");

        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("approvals[0].required 'two' must be a whole number of distinct approvers"
                + " from 1 to 5");
        assertThat(cli.fingerprint()).isEqualTo(before);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void fourEyesKeepsOutWhoeverRequestedNotWhoeverRanTheGate() {
        String other = "https://ci/job/checkout/9/";
        cli.run("--actor", "ci-bot", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", other, "--requested-by", "carol");

        Cli.Result carol = cli.run("--actor", "carol", "override", "approve", "--service", "checkout-api",
                "--environment", "production", "--build-url", other, "--reason", "mine");
        Cli.Result bot = cli.run("--actor", "ci-bot", "override", "approve", "--service", "checkout-api",
                "--environment", "production", "--build-url", other, "--reason", "carol asked");

        assertThat(carol.code()).isEqualTo(4);
        assertThat(bot.code()).isZero();
    }

    @Test
    void selfApprovalPassesWhenThePolicyAllowsIt() throws Exception {
        Files.writeString(home.resolve("policy.yaml"), "fourEyes: false\n");

        Cli.Result result = cli.run("--actor", "alice", "override", "approve", "--service", "checkout-api",
                "--environment", "production", "--build-url", BUILD, "--reason", "allowed");

        assertThat(result.code()).as(result.toString()).isZero();
    }

    @Test
    void windowLongerThanThePolicyAllowsIsBadInput() {
        Cli.Result tooLong = cli.run("--actor", "bob", "override", "approve", "--service", "checkout-api",
                "--environment", "production", "--reason", "r", "--for", "3d");
        Cli.Result garbage = cli.run("--actor", "bob", "override", "approve", "--service", "checkout-api",
                "--environment", "production", "--reason", "r", "--for", "soon");

        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("--for", "at most");
        assertThat(garbage.code()).isEqualTo(2);
        assertThat(garbage.err()).contains("--for 'soon' is not a positive duration");
    }

    @Test
    void listShowsPendingRequestsAndOverridesInForceAndDenyClosesARequest() {
        JsonNode pending = cli.run("--json", "override", "list").json();
        assertThat(pending.get("requests")).hasSize(1);
        assertThat(pending.get("overrides")).isEmpty();

        Cli.Result denied = cli.run("--actor", "bob", "override", "deny", "REQ-1", "--reason", "fix it first");
        assertThat(denied.code()).isZero();
        assertThat(cli.run("--json", "override", "list").json().get("requests")).isEmpty();
        assertThat(cli.run("--json", "override", "list", "--all").json().at("/requests/0/status").asText())
                .isEqualTo("DENIED");
        assertThat(cli.run("--actor", "bob", "override", "deny", "REQ-1", "--reason", "again").code()).isEqualTo(4);

        cli.run("--actor", "bob", "override", "approve", "--service", "checkout-api", "--environment", "production",
                "--reason", "window", "--for", "1h");
        Cli.Result list = cli.run("override", "list");
        assertThat(list.out()).contains("OVR-1 WINDOW checkout-api → production");
        cli.clock.advance(java.time.Duration.ofHours(2));
        assertThat(cli.run("--json", "override", "list").json().get("overrides")).isEmpty();
    }

    @Test
    void aReleaseManagerListsWhatIsPendingAndApprovesARequestByItsId() {
        Cli.Result pending = cli.run("override", "list", "--pending");
        assertThat(pending.out()).contains("Pending override requests:", "REQ-1").doesNotContain("Overrides in force");
        assertThat(cli.run("--json", "override", "list", "--pending").json().has("overrides")).isFalse();

        Cli.Result self = cli.run("--actor", "alice", "override", "approve", "REQ-1", "--reason", "mine");
        assertThat(self.code()).isEqualTo(4);
        assertThat(self.err()).contains("Four eyes");

        Cli.Result approved = cli.run("--json", "--actor", "bob", "override", "approve", "REQ-1", "--reason",
                "urgent tax fix");
        assertThat(approved.code()).as(approved.toString()).isZero();
        assertThat(approved.json().get("scope").asText()).isEqualTo("BUILD");
        assertThat(approved.json().get("requests")).extracting(JsonNode::asText).containsExactly("REQ-1");
        assertThat(cli.run("--actor", "alice", "gate", "--service", "checkout-api", "--environment", "production",
                "--build-url", BUILD).out()).startsWith("OVERRIDDEN");
    }

    @Test
    void approvingNamesEitherARequestOrAServiceAndEnvironmentNeverBothAndChangesNothingOtherwise() {
        java.util.Map<String, String> before = cli.fingerprint();

        Cli.Result both = cli.run("--actor", "bob", "override", "approve", "REQ-1", "--service", "checkout-api",
                "--reason", "r");
        Cli.Result neither = cli.run("--actor", "bob", "override", "approve", "--reason", "r");
        Cli.Result unknown = cli.run("--actor", "bob", "override", "approve", "REQ-9", "--reason", "r");

        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("give REQUEST or --service/--environment/--build-url, not both");
        assertThat(neither.code()).isEqualTo(2);
        assertThat(neither.err()).contains("give a pending REQUEST (like REQ-2), or --service and --environment");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.err()).contains("REQ-9");
        assertThat(cli.fingerprint()).isEqualTo(before);
    }
}
