package io.jenkins.plugins.retrogate.steps;

import static io.jenkins.plugins.retrogate.Fixtures.blockingItem;
import static io.jenkins.plugins.retrogate.Fixtures.engine;
import static io.jenkins.plugins.retrogate.Fixtures.eventually;
import static io.jenkins.plugins.retrogate.Fixtures.incident;
import static io.jenkins.plugins.retrogate.Fixtures.item;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.ui.GateRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.util.List;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.graphanalysis.NodeStepTypePredicate;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class RetroGateStepITest {

    @Test
    void allowsAndReturnsTheDecisionWhenNoItemIsOpen(JenkinsRule j) throws Exception {
        WorkflowJob p = pipeline(j, "p", """
                def d = retroGate(service: 'checkout-api', environment: 'production')
                echo "allowed=${d.allowed} decision=${d.decision} items=${d.items.size()}"
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("allowed=true decision=ALLOW items=0", b);
        GateRecord gate = RetroGateBuildAction.of(b).getGates().get(0);
        assertThat(gate.getDecision()).isEqualTo("ALLOW");
        assertThat(gate.isProduction()).isTrue();
    }

    @Test
    void blocksProductionWhilePreventativeP0IsOpen(JenkinsRule j) throws Exception {
        ActionItem blocking = blockingItem("checkout-api");
        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production')\necho 'deployed'");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("BLOCK: checkout-api → production", b);
        j.assertLogContains(blocking.id(), b);
        j.assertLogContains("retro-gate/override/REQ-1/", b);
        j.assertLogNotContains("deployed", b);
        GateRecord gate = RetroGateBuildAction.of(b).getGates().get(0);
        assertThat(gate.getRequestId()).isEqualTo("REQ-1");
        assertThat(gate.getBlockingItems()).extracting(i -> i.getId()).containsExactly(blocking.id());
    }

    @Test
    void warnsWithUnstableBuildAndWarningOnTheStep(JenkinsRule j) throws Exception {
        item(incident("checkout-api"), "Runbook for failover", Priority.P1, ItemType.PREVENTATIVE, null);
        WorkflowJob p = pipeline(j, "p", """
                def d = retroGate(service: 'checkout-api', environment: 'production')
                echo "decision=${d.decision} first=${d.items[0].priority}"
                """);
        WorkflowRun b = j.buildAndAssertStatus(Result.UNSTABLE, p);
        j.assertLogContains("decision=WARN first=P1", b);
        List<FlowNode> nodes = new DepthFirstScanner().filteredNodes(b.getExecution(),
                new NodeStepTypePredicate("retroGate"));
        assertThat(nodes).hasSize(1);
        WarningAction warning = nodes.get(0).getPersistentAction(WarningAction.class);
        assertThat(warning).isNotNull();
        assertThat(warning.getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(warning.getMessage()).startsWith("WARN: checkout-api");
    }

    @Test
    void pipelineMayAskForAStricterMode(JenkinsRule j) throws Exception {
        item(incident("checkout-api"), "Runbook for failover", Priority.P0, ItemType.PREVENTATIVE, null);
        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'staging', mode: 'block')");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("BLOCK: checkout-api → staging", b);
    }

    @Test
    void gateIsOffOutsideProductionByDefault(JenkinsRule j) throws Exception {
        blockingItem("checkout-api");
        WorkflowJob p = pipeline(j, "p", "echo retroGate(service: 'checkout-api', environment: 'staging').decision");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("ALLOW: checkout-api → staging (gate off)", b);
    }

    @Test
    void changeSetNamingTheTicketCarriesTheFix(JenkinsRule j) throws Exception {
        blockingItem("checkout-api");
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("""
                import org.jvnet.hudson.test.FakeChangeLogSCM
                def scm = new FakeChangeLogSCM()
                scm.addChange().withMsg('PAY-123 alert on checkout error rate')
                node { checkout(scm) }
                echo retroGate(service: 'checkout-api', environment: 'production').decision
                """, false));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("this deployment carries the fix", b);
    }

    @Test
    void badNameFailsNamingTheFieldAndRecordsNothing(JenkinsRule j) throws Exception {
        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout api', environment: 'production')");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("service 'checkout api' is not a valid name", b);
        assertThat(RetroGateBuildAction.of(b)).isNull();
    }

    @Test
    void aBadTimeoutFailsWithOneLineNamingIt(JenkinsRule j) throws Exception {
        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production', "
                + "waitForOverride: true, timeout: 0)");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("ERROR: retroGate: timeout '0' must be between 1 and 10080 minutes", b);
        j.assertLogNotContains("InvocationTargetException", b);
        j.assertLogNotContains("\tat ", b);
    }

    @Test
    void aBlockSaysWhichItemsBlockAndWhichAreOnlyForInformation(JenkinsRule j) throws Exception {
        ActionItem p0 = blockingItem("checkout-api");
        ActionItem p1 = item(p0.incidentId(), "Runbook for failover", Priority.P1, ItemType.PREVENTATIVE, null);
        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production')");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        String log = JenkinsRule.getLog(b);
        int information = log.indexOf("For information (these do not block):");
        assertThat(information).isPositive();
        assertThat(log.indexOf(p0.id())).isLessThan(information);
        assertThat(log.indexOf(p1.id())).isGreaterThan(information);
    }

    @Test
    void aWeakerModeAskedByThePipelineIsIgnoredAndSaysSo(JenkinsRule j) throws Exception {
        blockingItem("checkout-api");
        WorkflowJob p = pipeline(j, "p", """
                try {
                  retroGate(service: 'checkout-api', environment: 'production', mode: 'warn')
                } catch (e) {
                  echo "caught: ${e.message}"
                }
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("Note: pipeline asked for WARN, ignored: policy allows only stricter modes", b);
    }

    @Test
    void repeatedBlockedCallsOfOneBuildRaiseOneRequestWhichClosesWhenTheBuildEnds(JenkinsRule j) throws Exception {
        blockingItem("checkout-api");
        WorkflowJob p = pipeline(j, "p", """
                for (int i = 0; i < 5; i++) {
                  try {
                    retroGate(service: 'checkout-api', environment: 'production')
                  } catch (e) {
                    echo "blocked ${i}"
                  }
                }
                """);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("blocked 4", b);
        assertThat(engine().state().requests()).hasSize(1);
        eventually("the ended build's request expired", () ->
                engine().state().request("REQ-1").orElseThrow().status() == RequestStatus.EXPIRED);
        eventually("the build's panel shows it", () ->
                "EXPIRED".equals(RetroGateBuildAction.of(b).getGates().get(0).getRequestStatus()));
    }
}
