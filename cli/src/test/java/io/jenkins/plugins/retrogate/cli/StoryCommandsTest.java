package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rollback, deploy, incident and item commands, and their JSON. */
class StoryCommandsTest {
    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
    }

    @Test
    void rollbackPrintsTheIncidentIdAloneOnTheFirstLineAndAttachesLaterRollbacks() {
        Cli.Result first = cli.run("rollback", "--service", "checkout-api", "--environment", "production",
                "--version", "1.2", "--build-url", "https://ci/1", "--reason", "timeouts");
        Cli.Result second = cli.run("--json", "rollback", "--service", "checkout-api", "--environment", "production",
                "--reason", "again");

        assertThat(first.code()).isZero();
        assertThat(first.out().lines().findFirst()).contains("INC-1");
        assertThat(first.out()).contains("Opened incident INC-1");
        JsonNode incident = second.json();
        assertThat(incident.get("id").asText()).isEqualTo("INC-1");
        assertThat(incident.get("rollbacks")).hasSize(2);
        assertThat(incident.get("detection").asText()).isEqualTo("ROLLBACK");
        assertThat(incident.at("/rollbacks/0/version").asText()).isEqualTo("1.2");
    }

    @Test
    void rollbackSuggestsSimilarEarlierIncidents() {
        cli.id("rollback", "--service", "checkout-api", "--environment", "production", "--reason", "db pool exhausted");
        cli.run("incident", "update", "INC-1", "--status", "resolved");

        Cli.Result result = cli.run("rollback", "--service", "checkout-api", "--environment", "production",
                "--reason", "db pool exhausted again");

        assertThat(result.out()).contains("INC-2").contains("Seen before? INC-1").contains("--similar INC-1");
    }

    @Test
    void successfulProductionDeployVerifiesResolvedItemsAndReportsThemInJson() {
        cli.incidentWithItems();
        cli.run("item", "resolve", "INC-1-A1", "--fix", "abc123");

        cli.run("gate", "--service", "checkout-api", "--environment", "production", "--build-url", "https://ci/13/");
        Cli.Result result = cli.run("--json", "deploy", "--service", "checkout-api", "--environment", "production",
                "--outcome", "succeeded", "--version", "1.3", "--build-url", "https://ci/13/");

        assertThat(result.code()).as(result.toString()).isZero();
        JsonNode json = result.json();
        assertThat(json.at("/deployment/gate").asText()).isEqualTo("PASSED");
        assertThat(json.get("verified")).extracting(JsonNode::asText).containsExactly("INC-1-A1");
        assertThat(json.at("/deployment/outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.at("/deployment/production").asBoolean()).isTrue();
        assertThat(json.get("incident").isNull()).isTrue();
        assertThat(cli.run("--json", "item", "show", "INC-1-A1").json().get("status").asText()).isEqualTo("VERIFIED");
    }

    @Test
    void deployRecordsWhereItCameFrom() {
        JsonNode deployment = cli.run("--json", "--actor", "ci", "deploy", "--service", "Cart", "--environment",
                "Staging", "--outcome", "failed", "--version", "2.0", "--job", "shop/deploy", "--build", "17",
                "--build-url", "https://ci/shop/17/", "--change-ticket", "SHOP-4").json().get("deployment");

        assertThat(deployment.get("id").asText()).isEqualTo("DEP-1");
        assertThat(deployment.get("service").asText()).isEqualTo("cart");
        assertThat(deployment.get("environment").asText()).isEqualTo("staging");
        assertThat(deployment.get("job").asText()).isEqualTo("shop/deploy");
        assertThat(deployment.get("build").asInt()).isEqualTo(17);
        assertThat(deployment.get("url").asText()).isEqualTo("https://ci/shop/17/");
        assertThat(deployment.get("changeTickets").get(0).asText()).isEqualTo("SHOP-4");
        assertThat(deployment.get("requestedBy").asText()).isEqualTo("ci");
        assertThat(deployment.get("outcome").asText()).isEqualTo("FAILED");
    }

    @Test
    void deployCarryingTheTicketResolvesAndVerifiesAtOnce() {
        cli.incidentWithItems();

        Cli.Result result = cli.run("deploy", "--service", "checkout-api", "--environment", "production",
                "--outcome", "succeeded", "--change-ticket", "pay-1");

        assertThat(result.out()).contains("Resolved INC-1-A1", "Verified INC-1-A1");
    }

    @Test
    void stagingDeployVerifiesNothing() {
        cli.incidentWithItems();
        cli.run("item", "resolve", "INC-1-A1");

        Cli.Result result = cli.run("--json", "deploy", "--service", "checkout-api", "--environment", "staging",
                "--outcome", "succeeded");

        assertThat(result.json().get("verified")).isEmpty();
    }

    @Test
    void rolledBackDeployOpensAnIncidentLikeRollback() {
        cli.run("init");
        cli.run("gate", "--service", "cart", "--environment", "prod-eu", "--build-url", "https://ci/cart/3/");
        Cli.Result result = cli.run("--json", "deploy", "--service", "cart", "--environment", "prod-eu",
                "--outcome", "rolled-back", "--reason", "500s", "--build-url", "https://ci/cart/3/");

        assertThat(result.code()).isZero();
        assertThat(result.json().at("/incident/id").asText()).isEqualTo("INC-1");
        assertThat(result.json().at("/deployment/outcome").asText()).isEqualTo("ROLLED_BACK");
    }

    @Test
    void rollbackOutsideProductionSaysPlainlyThatNoIncidentWasOpenedAndWhy() {
        Cli.Result result = cli.run("rollback", "--service", "cart", "--environment", "dev", "--reason", "smoke failed");
        Cli.Result json = cli.run("--json", "rollback", "--service", "cart", "--environment", "dev");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out().lines().findFirst()).contains("dev is not a production environment: "
                + "no incident opened (policy openIncidentsOutsideProduction is false)");
        assertThat(result.out()).contains("Recorded DEP-1 cart → dev: ROLLED_BACK");
        assertThat(json.json().get("incident").isNull()).isTrue();
        assertThat(json.json().at("/deployment/outcome").asText()).isEqualTo("ROLLED_BACK");
        assertThat(json.json().get("noIncident").asText()).startsWith("dev is not a production environment");
        assertThat(cli.run("incident", "list").out()).contains("No incidents.");
    }

    @Test
    void rolledBackDeployOutsideProductionOpensNoIncident() {
        Cli.Result text = cli.run("deploy", "--service", "cart", "--environment", "staging", "--outcome", "rolled-back");
        Cli.Result json = cli.run("--json", "deploy", "--service", "cart", "--environment", "staging",
                "--outcome", "rolled-back");

        assertThat(text.out()).contains("staging is not a production environment: no incident opened");
        assertThat(json.json().get("incident").isNull()).isTrue();
        assertThat(json.json().get("noIncident").asText()).startsWith("staging is not a production environment");
    }

    @Test
    void thePolicyFileCanOpenIncidentsForRollbacksOutsideProduction() throws Exception {
        java.nio.file.Files.writeString(home.resolve("policy.yaml"), "openIncidentsOutsideProduction: true\n");

        Cli.Result result = cli.run("rollback", "--service", "cart", "--environment", "dev");

        assertThat(result.out().lines().findFirst()).contains("INC-1");
        assertThat(cli.run("--json", "policy", "show").json().at("/policy/openIncidentsOutsideProduction").asBoolean())
                .isTrue();
    }

    @Test
    void aMitigationRecordedTheNextMorningTakesItsTimeFromAt() {
        cli.id("rollback", "--service", "cart", "--environment", "production", "--reason", "500s");
        cli.clock.advance(java.time.Duration.ofHours(11));

        Cli.Result text = cli.run("incident", "update", "INC-1", "--mitigation", "temporary:flag off",
                "--at", "2026-11-20T09:40");
        Cli.Result json = cli.run("--json", "incident", "update", "INC-1", "--status", "mitigated",
                "--at", "2026-11-20T10:50:00+01:00");
        Cli.Result report = cli.run("--json", "report", "--service", "cart");

        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.out()).contains("Dated 2026-11-20T09:40:00Z: when it happened (recorded now)");
        assertThat(json.json().at("/mitigations/0/at").asText()).isEqualTo("2026-11-20T09:40:00Z");
        assertThat(report.json().at("/services/0/medianTimeToRestoreSeconds").asLong())
                .as("restored 40 minutes after the rollback at 09:00, not 11 hours").isBetween(39 * 60L, 40 * 60L);
    }

    @Test
    void rollbackAndDeployTakeAtForWhenTheyHappened() {
        Cli.Result rollback = cli.run("--json", "rollback", "--service", "cart", "--environment", "production",
                "--at", "2026-11-20T02:15:00Z");
        Cli.Result deploy = cli.run("--json", "deploy", "--service", "search", "--environment", "production",
                "--outcome", "rolled-back", "--at", "2026-11-20T03:30");

        assertThat(rollback.json().get("detectedAt").asText()).isEqualTo("2026-11-20T02:15:00Z");
        assertThat(deploy.json().at("/deployment/startedAt").asText()).isEqualTo("2026-11-20T03:30:00Z");
        assertThat(deploy.json().at("/deployment/endedAt").asText()).isEqualTo("2026-11-20T03:30:00Z");
        assertThat(deploy.json().at("/incident/detectedAt").asText()).isEqualTo("2026-11-20T03:30:00Z");
        assertThat(cli.run("rollback", "--service", "web", "--environment", "production", "--at", "2026-11-20T04:00Z")
                .out()).contains("Dated 2026-11-20T04:00:00Z: when it was rolled back (recorded now)");
    }

    @Test
    void badOutcomeNamesTheAllowedValues() {
        Cli.Result result = cli.run("deploy", "--service", "cart", "--environment", "prod", "--outcome", "ok");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--outcome 'ok' is not one of SUCCEEDED, FAILED, ROLLED_BACK");
    }

    @Test
    void incidentOpenShowListAndUpdate() {
        String id = cli.id("incident", "open", "--service", "cart", "--service", "search", "--title", "Slow search",
                "--detection", "customer-report", "--severity", "sev2", "--detected-at", "2026-11-20T08:00:00Z");
        cli.id("incident", "open", "--service", "billing", "--title", "Invoices late");
        Cli.Result update = cli.run("--json", "incident", "update", id, "--status", "mitigated",
                "--response-started", "2026-11-20T08:30:00+00:00", "--mitigation", "temporary:scaled out",
                "--root-cause", "missing index", "--contributor", "debugged:team-search");
        cli.run("incident", "update", "INC-2", "--similar", "INC-1");

        assertThat(id).isEqualTo("INC-1");
        assertThat(update.code()).as(update.toString()).isZero();
        JsonNode incident = update.json();
        assertThat(incident.get("status").asText()).isEqualTo("MITIGATED");
        assertThat(incident.get("severity").asText()).isEqualTo("SEV2");
        assertThat(incident.get("detection").asText()).isEqualTo("CUSTOMER_REPORT");
        assertThat(incident.at("/mitigations/0/kind").asText()).isEqualTo("TEMPORARY");
        assertThat(incident.at("/contributors/0/role").asText()).isEqualTo("DEBUGGED");
        assertThat(incident.get("rootCause").asText()).isEqualTo("missing index");

        Cli.Result show = cli.run("incident", "show", "inc-1");
        assertThat(show.out()).contains("INC-1: Slow search", "MITIGATED", "missing index", "cart, search");
        assertThat(cli.run("--json", "incident", "show", "INC-2").json().get("similarIncidents").get(0).asText())
                .isEqualTo("INC-1");
        assertThat(cli.run("--json", "incident", "list").json()).hasSize(2);
        assertThat(cli.run("--json", "incident", "list", "--status", "mitigated").json()).hasSize(1);
        assertThat(cli.run("--json", "incident", "list", "--service", "billing").json().get(0).get("id").asText())
                .isEqualTo("INC-2");
    }

    @Test
    void incidentStatusOnlyMovesForwardAndUpdateNeedsSomething() {
        cli.id("incident", "open", "--service", "cart", "--title", "t");
        cli.run("incident", "update", "INC-1", "--status", "resolved");

        Cli.Result back = cli.run("incident", "update", "INC-1", "--status", "mitigated");
        Cli.Result open = cli.run("incident", "update", "INC-1", "--status", "open");
        Cli.Result nothing = cli.run("incident", "update", "INC-1");
        Cli.Result missing = cli.run("incident", "show", "INC-9");

        assertThat(back.code()).isEqualTo(4);
        assertThat(back.err()).contains("only moves forward");
        assertThat(open.code()).isEqualTo(2);
        assertThat(nothing.code()).isEqualTo(2);
        assertThat(nothing.err()).contains("names nothing to change");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("'INC-9' does not exist");
    }

    @Test
    void itemLifecycleAndListFilters() {
        cli.incidentWithItems();
        String other = cli.id("incident", "open", "--service", "search", "--title", "t");
        cli.id("item", "add", other, "--title", "Everywhere", "--priority", "P2", "--type", "other", "--owner", "o",
                "--service", "*", "--due", "2026-12-01");

        assertThat(cli.run("item", "resolve", "INC-1-A2", "--fix", "pr-7").code()).isZero();
        assertThat(cli.run("item", "reopen", "INC-1-A2", "--reason", "did not hold").code()).isZero();
        assertThat(cli.run("item", "drop", "INC-2-A1", "--reason", "not needed").code()).isZero();

        JsonNode all = cli.run("--json", "item", "list").json();
        assertThat(all).extracting(n -> n.get("id").asText()).containsExactly("INC-1-A1", "INC-1-A2", "INC-2-A1");
        assertThat(all.get(0).at("/ticket/key").asText()).isEqualTo("PAY-1");
        assertThat(all.get(0).at("/ticket/system").asText()).isEqualTo("JIRA");
        assertThat(all.get(0).get("incident").asText()).isEqualTo("INC-1");
        assertThat(all.get(2).get("due").asText()).isEqualTo("2026-12-01");
        assertThat(cli.run("--json", "item", "list", "--status", "open").json()).hasSize(2);
        assertThat(cli.run("--json", "item", "list", "--status", "dropped").json()).hasSize(1);
        assertThat(cli.run("--json", "item", "list", "--incident", "INC-2").json()).hasSize(1);
        assertThat(cli.run("--json", "item", "list", "--service", "search").json()).hasSize(1);
        assertThat(cli.run("item", "list", "--status", "closed").code()).isEqualTo(2);
    }

    @Test
    void itemRulesRefuseWithExitFour() {
        cli.incidentWithItems();

        Cli.Result reopenOpen = cli.run("item", "reopen", "INC-1-A1", "--reason", "x");
        cli.run("item", "drop", "INC-1-A2", "--reason", "x");
        Cli.Result resolveDropped = cli.run("item", "resolve", "INC-1-A2");

        assertThat(reopenOpen.code()).isEqualTo(4);
        assertThat(reopenOpen.err()).contains("only a RESOLVED item can be reopened");
        assertThat(resolveDropped.code()).isEqualTo(4);
    }

    @Test
    void thereIsNoCommandThatVerifiesAnItemByHand() {
        Cli.Result result = cli.run("item", "verify", "INC-1-A1");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("verify");
    }

    @Test
    void aDeploymentLineNamesTheEnvironmentsClassOnlyWhenItsNameDoesNotSayIt() {
        Cli.Result named = cli.run("deploy", "--service", "checkout-api", "--environment", "production",
                "--outcome", "succeeded");
        Cli.Result patterned = cli.run("deploy", "--service", "checkout-api", "--environment", "prod-eu",
                "--outcome", "succeeded");

        assertThat(named.out()).contains("checkout-api → production: SUCCEEDED").doesNotContain("(production)");
        assertThat(patterned.out()).contains("checkout-api → prod-eu (production): SUCCEEDED");
    }
}
