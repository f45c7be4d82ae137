package io.jenkins.plugins.retrogate.steps;

import static io.jenkins.plugins.retrogate.Fixtures.engine;
import static io.jenkins.plugins.retrogate.Fixtures.incident;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.retrogate.Fixtures;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** retroRollback, retroActionItem and retroVerify. */
@WithJenkins
class RecordingStepsITest {

    @Test
    void rollbackOpensAnIncidentAndReturnsItsId(JenkinsRule j) throws Exception {
        WorkflowJob p = pipeline(j, "p", """
                def incident = retroRollback(service: 'checkout-api', environment: 'production', reason: 'error rate over 5%')
                echo "incident=${incident}"
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("incident=INC-1", b);
        j.assertLogContains("opened incident INC-1", b);
        assertThat(engine().state().incident("INC-1").orElseThrow().title()).contains("error rate over 5%");
        assertThat(RetroGateBuildAction.of(b).getIncidents().get(0).isOpened()).isTrue();
    }

    @Test
    void secondRollbackAddsToTheOpenIncident(JenkinsRule j) throws Exception {
        WorkflowJob p = pipeline(j, "p", """
                echo "first=${retroRollback(service: 'checkout-api', environment: 'production')}"
                echo "second=${retroRollback(service: 'checkout-api', environment: 'production')}"
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("first=INC-1", b);
        j.assertLogContains("second=INC-1", b);
        j.assertLogContains("added to incident INC-1", b);
    }

    @Test
    void actionItemFromARollbackBlocksTheNextProductionDeployment(JenkinsRule j) throws Exception {
        WorkflowJob p = pipeline(j, "p", """
                def incident = retroRollback(service: 'checkout-api', environment: 'production', reason: 'bad config')
                def item = retroActionItem(incident: incident, title: 'Validate config before deploy', priority: 'P0',
                        type: 'PREVENTATIVE', owner: 'team-payments', ticket: 'PAY-77', due: '2099-12-31')
                echo "item=${item}"
                retroGate(service: 'checkout-api', environment: 'production')
                """);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("item=INC-1-A1", b);
        j.assertLogContains("INC-1-A1 P0 'Validate config before deploy'", b);
        ActionItem item = engine().state().item("INC-1-A1").orElseThrow();
        assertThat(item.ticket().key()).isEqualTo("PAY-77");
        assertThat(RetroGateBuildAction.of(b).getItems()).hasSize(1);
    }

    @Test
    void anActionItemWhoseTitleBlamesAPersonIsRecordedWithAWordingHintInTheLog(JenkinsRule j) throws Exception {
        String incident = incident("checkout-api");
        WorkflowJob p = pipeline(j, "p", "retroActionItem(incident: '" + incident
                + "', title: 'Make sure Mark double-checks the pool size', priority: 'P1', type: 'PREVENTATIVE',"
                + " owner: 'payments')");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("[Retro Gate] Wording hint: title: \"Make sure Mark double-checks\"", b);
        j.assertLogContains("asks a person to try harder instead of changing the system", b);
        assertThat(engine().state().items()).hasSize(1);
    }

    @Test
    void actionItemWithBadPriorityNamesTheField(JenkinsRule j) throws Exception {
        String incident = incident("checkout-api");
        WorkflowJob p = pipeline(j, "p", "retroActionItem(incident: '" + incident
                + "', title: 'x', priority: 'P7', type: 'PREVENTATIVE', owner: 'team')");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("priority 'P7' is not one of P0, P1, P2", b);
        assertThat(engine().state().items()).isEmpty();
    }

    @Test
    void verifyRecordsASuccessfulDeploymentAndVerifiesResolvedItems(JenkinsRule j) throws Exception {
        ActionItem item = Fixtures.item(incident("checkout-api"), "Alert", Priority.P0, ItemType.PREVENTATIVE, null);
        engine().resolveItem(Fixtures.MANAGER, item.id(), "commit abc");
        WorkflowJob p = pipeline(j, "p", """
                def r = retroVerify(service: 'checkout-api', environment: 'production', version: '2.0')
                echo "deployment=${r.deployment} verified=${r.verified}"
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("deployment=DEP-1 verified=[" + item.id() + "]", b);
        assertThat(engine().state().item(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.VERIFIED);
    }
}
