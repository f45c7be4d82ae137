package io.jenkins.plugins.retrogate.steps;

import static io.jenkins.plugins.retrogate.Fixtures.blockingItem;
import static io.jenkins.plugins.retrogate.Fixtures.engine;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.retrogate.Fixtures;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.ui.DeploymentRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class RetroDeployStepITest {

    @Test
    void successfulProductionDeploymentVerifiesResolvedItems(JenkinsRule j) throws Exception {
        ActionItem item = blockingItem("checkout-api");
        engine().resolveItem(Fixtures.MANAGER, item.id(), "commit abc123");
        WorkflowJob p = pipeline(j, "p", """
                retroDeploy(service: 'checkout-api', environment: 'production', version: '1.4.2') {
                    echo 'deploying 1.4.2'
                }
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("deploying 1.4.2", b);
        j.assertLogContains("verified " + item.id(), b);
        assertThat(engine().state().item(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.VERIFIED);
        DeploymentRecord deployment = RetroGateBuildAction.of(b).getDeployments().get(0);
        assertThat(deployment.getOutcome()).isEqualTo("SUCCEEDED");
        assertThat(deployment.getVersion()).isEqualTo("1.4.2");
        assertThat(deployment.getVerified()).containsExactly(item.id());
    }

    @Test
    void failingBodyRecordsAFailedDeployment(JenkinsRule j) throws Exception {
        WorkflowJob p = pipeline(j, "p", """
                retroDeploy(service: 'checkout-api', environment: 'production') {
                    error 'deploy script failed'
                }
                """);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("deploy script failed", b);
        DeploymentRecord deployment = RetroGateBuildAction.of(b).getDeployments().get(0);
        assertThat(deployment.getOutcome()).isEqualTo("FAILED");
        assertThat(engine().state().deployment(deployment.getDeploymentId()).orElseThrow().outcome())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void blockedDeploymentNeverRunsItsBody(JenkinsRule j) throws Exception {
        blockingItem("checkout-api");
        WorkflowJob p = pipeline(j, "p", """
                retroDeploy(service: 'checkout-api', environment: 'production') {
                    echo 'the body ran'
                }
                """);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("BLOCK: checkout-api → production", b);
        j.assertLogNotContains("the body ran", b);
        assertThat(engine().state().deployments()).isEmpty();
    }

    @Test
    void rollbackInsideTheBodyRollsBackThatDeployment(JenkinsRule j) throws Exception {
        WorkflowJob p = pipeline(j, "p", """
                def incident
                try {
                    retroDeploy(service: 'checkout-api', environment: 'production') {
                        incident = retroRollback(service: 'checkout-api', environment: 'production', reason: 'smoke test failed')
                        error 'smoke test failed'
                    }
                } catch (e) {
                    echo "incident=${incident}"
                }
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("incident=INC-1", b);
        DeploymentRecord deployment = RetroGateBuildAction.of(b).getDeployments().get(0);
        assertThat(deployment.getOutcome()).isEqualTo("ROLLED_BACK");
        assertThat(engine().state().deployments()).hasSize(1);
        assertThat(engine().state().incident("INC-1").orElseThrow().trigger().deploymentId())
                .isEqualTo(deployment.getDeploymentId());
    }
}
