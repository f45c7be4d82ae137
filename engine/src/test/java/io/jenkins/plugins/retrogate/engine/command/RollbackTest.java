package io.jenkins.plugins.retrogate.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import org.junit.jupiter.api.Test;

class RollbackTest {
    private final Scenario scenario = new Scenario();

    private RollbackResult rollback(String service, String reason) {
        scenario.tick();
        return scenario.gate.rollback(Scenario.ALICE, new RollbackRequest(service, "production", "2.4.1",
                "deploy-" + service, 41, "https://ci/job/deploy/41/", reason, null, null));
    }

    @Test
    void rollbackOpensAnIncidentLinkingTheRolledBackDeployment() {
        RollbackResult result = rollback("checkout-api", "5xx rate above 2% after deploy");

        assertThat(result.opened()).isTrue();
        assertThat(result.incident().id()).isEqualTo("INC-1");
        assertThat(result.incident().detection()).isEqualTo(Detection.ROLLBACK);
        assertThat(result.incident().status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(result.incident().affectedServices()).containsExactly("checkout-api");
        assertThat(result.incident().title()).contains("checkout-api", "5xx rate");
        assertThat(result.incident().trigger().deploymentId()).isEqualTo(result.deploymentId());
        assertThat(result.incident().rollback().url()).isEqualTo("https://ci/job/deploy/41/");
        assertThat(scenario.store.state().deployment(result.deploymentId()).orElseThrow().outcome())
                .isEqualTo(Outcome.ROLLED_BACK);
    }

    @Test
    void theTitleARollbackGivesItsIncidentIsOneLineWhateverTheReason() {
        RollbackResult result = rollback("checkout-api", "timeouts\tin the pool\nsecond line");

        assertThat(result.incident().title()).isEqualTo("Rollback of checkout-api in production: timeouts in the pool");
        assertThat(io.jenkins.plugins.retrogate.engine.model.InvalidInputException.requireLine("title",
                result.incident().title(), IncidentCommands.TITLE_MAX + 240)).isEqualTo(result.incident().title());
    }

    @Test
    void secondRollbackOfTheServiceAttachesToItsOpenIncident() {
        RollbackResult first = rollback("checkout-api", "timeouts");
        RollbackResult second = rollback("checkout-api", "timeouts again");

        assertThat(second.opened()).isFalse();
        assertThat(second.incident().id()).isEqualTo(first.incident().id());
        assertThat(second.incident().rollbacks()).hasSize(2);
    }

    @Test
    void rollbackAfterTheIncidentWasResolvedOpensANewOneAndSuggestsTheOldOne() {
        RollbackResult first = rollback("checkout-api", "payment provider timeouts in checkout");
        scenario.gate.updateIncident(Scenario.ALICE,
                IncidentUpdate.of(first.incident().id()).withStatus(IncidentStatus.RESOLVED));
        rollback("search-api", "index corruption");

        RollbackResult again = rollback("checkout-api", "payment provider timeouts");

        assertThat(again.opened()).isTrue();
        assertThat(again.incident().id()).isEqualTo("INC-3");
        assertThat(again.similar()).extracting(SimilarIncident::incidentId).containsExactly("INC-1");
        assertThat(again.similar().get(0).why()).isEqualTo("same service, similar failure");
    }

    @Test
    void unrelatedServiceWithSimilarFailureTextIsSuggested() {
        rollback("checkout-api", "database connection pool exhausted");
        RollbackResult other = rollback("billing-api", "database connection pool exhausted");

        assertThat(other.similar()).extracting(SimilarIncident::why).containsExactly("similar failure text");
    }

    @Test
    void rollingBackTheDeploymentThatVerifiedAnItemReopensIt() {
        var incident = rollback("checkout-api", "timeouts").incident();
        scenario.tick();
        var item = scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Bound the retries",
                io.jenkins.plugins.retrogate.engine.model.Priority.P0,
                io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE, "payments", "PAY-9", null, null));
        DeploymentResult fix = scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED, "PAY-9");
        assertThat(fix.verified()).containsExactly(item.id());

        scenario.tick();
        RollbackResult result = scenario.gate.rollback(Scenario.ALICE, new RollbackRequest("checkout-api",
                "production", null, null, null, null, "smoke test failed after the deploy", fix.deployment().id(),
                null));

        assertThat(result.reopened()).containsExactly(item.id());
        assertThat(scenario.reload(item).status()).isEqualTo(io.jenkins.plugins.retrogate.engine.model.ItemStatus.OPEN);
        assertThat(result.incident().id()).as("the service's incident is still open").isEqualTo(incident.id());
        assertThat(scenario.store.state().deployment(result.deploymentId()).orElseThrow().changeTickets())
                .containsExactly("PAY-9");
    }

    @Test
    void rollbackOfARunningDeploymentEndsIt() {
        scenario.tick();
        var running = scenario.gate.startDeployment(Scenario.ALICE,
                new NewDeployment(scenario.request("checkout-api", "production"), "3.0", "deploy", 9));

        RollbackResult result = scenario.gate.rollback(Scenario.ALICE, new RollbackRequest("checkout-api",
                "production", null, null, null, null, "smoke test failed", running.id(), null));

        assertThat(result.deploymentId()).isEqualTo(running.id());
        assertThat(scenario.store.state().deployments()).hasSize(1);
        assertThat(result.incident().trigger().version()).isEqualTo("3.0");
    }

    @Test
    void aFailedDeploymentThatIsRolledBackIsOneFailedDeployment() {
        scenario.tick();
        var deployment = scenario.gate.startDeployment(Scenario.ALICE,
                new NewDeployment(scenario.request("checkout-api", "production"), "3.1", "deploy", 10));
        scenario.gate.finishDeployment(Scenario.ALICE, deployment.id(), Outcome.FAILED, null);
        var endedAt = scenario.store.state().deployment(deployment.id()).orElseThrow().endedAt();
        scenario.tick();

        RollbackResult result = scenario.gate.rollback(Scenario.ALICE, new RollbackRequest("checkout-api",
                "production", null, null, null, null, "smoke test failed", deployment.id(), null));

        assertThat(result.deploymentId()).isEqualTo(deployment.id());
        assertThat(scenario.store.state().deployments()).hasSize(1);
        var rolledBack = scenario.store.state().deployment(deployment.id()).orElseThrow();
        assertThat(rolledBack.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(rolledBack.endedAt()).isEqualTo(endedAt);
        var figures = scenario.gate.report(30, "checkout-api").services().get(0);
        assertThat(figures.deployments()).isEqualTo(1);
        assertThat(figures.failed()).isEqualTo(1);
    }

    @Test
    void aRollbackThatNamesNoDeploymentUndoesTheLatestOneAndReopensWhatItVerified() {
        var incident = rollback("checkout-api", "timeouts").incident();
        scenario.tick();
        var item = scenario.gate.addItem(Scenario.ALICE, new NewActionItem(incident.id(), "Bound the retries",
                io.jenkins.plugins.retrogate.engine.model.Priority.P0,
                io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE, "payments", "PAY-9", null, null));
        DeploymentResult fix = scenario.deploy("checkout-api", "production", Outcome.SUCCEEDED, "PAY-9");
        assertThat(fix.verified()).containsExactly(item.id());
        int deployments = scenario.store.state().deployments().size();
        scenario.tick();

        RollbackResult result = scenario.gate.rollback(Scenario.ALICE, new RollbackRequest("checkout-api",
                "production", null, null, null, null, "smoke test failed after the deploy", null, null));

        assertThat(result.deploymentId()).isEqualTo(fix.deployment().id());
        assertThat(result.reopened()).containsExactly(item.id());
        assertThat(scenario.reload(item).status()).isEqualTo(io.jenkins.plugins.retrogate.engine.model.ItemStatus.OPEN);
        assertThat(scenario.store.state().deployments()).hasSize(deployments);
    }

    private RollbackResult rollbackIn(String environment, String reason) {
        scenario.tick();
        return scenario.gate.rollback(Scenario.ALICE, new RollbackRequest("checkout-api", environment, "2.5.0",
                "deploy-checkout-api", 42, "https://ci/job/deploy/42/", reason, null, null));
    }

    @Test
    void aRollbackOutsideProductionRecordsTheRolledBackDeploymentButOpensNoIncident() {
        RollbackResult result = rollbackIn("dev", "smoke test failed");

        assertThat(result.incident()).isNull();
        assertThat(result.opened()).isFalse();
        assertThat(result.noIncident()).isEqualTo("dev is not a production environment: no incident opened"
                + " (policy openIncidentsOutsideProduction is false)");
        assertThat(scenario.store.state().incidents()).isEmpty();
        var deployment = scenario.store.state().deployment(result.deploymentId()).orElseThrow();
        assertThat(deployment.outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(deployment.production()).isFalse();
    }

    @Test
    void aRollbackOutsideProductionDoesNotAttachToTheServicesOpenProductionIncident() {
        RollbackResult production = rollback("checkout-api", "timeouts");

        RollbackResult qa = rollbackIn("qa", "timeouts in qa");

        assertThat(qa.incident()).isNull();
        var incident = scenario.store.state().incident(production.incident().id()).orElseThrow();
        assertThat(incident.rollbacks()).hasSize(1);
        assertThat(incident.signature()).doesNotContain("qa");
    }

    @Test
    void aRolledBackDeploymentOutsideProductionOpensNoIncident() {
        DeploymentResult result = scenario.deploy("checkout-api", "staging", Outcome.ROLLED_BACK);

        assertThat(result.incident()).isNull();
        assertThat(result.noIncident()).startsWith("staging is not a production environment: no incident opened");
        assertThat(result.deployment().outcome()).isEqualTo(Outcome.ROLLED_BACK);
        assertThat(scenario.store.state().incidents()).isEmpty();
    }

    @Test
    void thePolicyCanOpenIncidentsForRollbacksOutsideProduction() {
        scenario.policy = io.jenkins.plugins.retrogate.engine.policy.GatePolicy.builder()
                .openIncidentsOutsideProduction(true).build();

        RollbackResult result = rollbackIn("dev", "smoke test failed");

        assertThat(result.opened()).isTrue();
        assertThat(result.noIncident()).isNull();
        assertThat(result.incident().title()).contains("checkout-api", "dev");
    }

    @Test
    void aProductionRollbackSaysNothingAboutAMissingIncident() {
        assertThat(rollback("checkout-api", "timeouts").noIncident()).isNull();
        assertThat(scenario.deploy("search-api", "prod-eu", Outcome.ROLLED_BACK).noIncident()).isNull();
    }
}
