package io.jenkins.plugins.retrogate.steps;

import static io.jenkins.plugins.retrogate.Fixtures.blockingItem;
import static io.jenkins.plugins.retrogate.Fixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hudson.FilePath;
import hudson.Functions;
import hudson.model.Result;
import io.jenkins.plugins.retrogate.Fixtures;
import io.jenkins.plugins.retrogate.engine.command.OverrideGrant;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Runs the Jenkinsfiles of {@code docs/pipeline-steps.md} as they are written there, with stand-in
 * {@code deploy.sh} and {@code smoke-test.sh} scripts in the workspace.
 */
@WithJenkins
class PipelineStepsDocITest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        assumeFalse(Functions.isWindows(), "the documented pipelines use sh");
        j = rule;
    }

    @Test
    void gateDeployVerifyVerifiesFixedItems() throws Exception {
        ActionItem item = Fixtures.item(Fixtures.incident("checkout-api"), "Alert", io.jenkins.plugins.retrogate
                .engine.model.Priority.P0, io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE, null);
        engine().resolveItem(Fixtures.MANAGER, item.id(), "commit abc");
        WorkflowJob p = job("gate-deploy-verify", true);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("ALLOW: checkout-api → production", b);
        j.assertLogContains("deployed production", b);
        assertThat(engine().state().item(item.id()).orElseThrow().status()).isEqualTo(ItemStatus.VERIFIED);
    }

    @Test
    void gateDeployVerifyRecordsARollbackWhenTheSmokeTestFails() throws Exception {
        WorkflowJob p = job("gate-deploy-verify", false);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("rolled back production", b);
        j.assertLogContains("Rollback recorded as INC-1", b);
        assertThat(engine().state().incident("INC-1").orElseThrow().title()).contains("Smoke test failed");
    }

    @Test
    void gateDeployVerifyWaitsForAnOverride() throws Exception {
        blockingItem("checkout-api");
        WorkflowJob p = job("gate-deploy-verify", true);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("for a release manager to approve", b);
        engine().approveOverride(Actor.of("release-manager", Permission.OVERRIDE),
                new OverrideGrant("checkout-api", "production", b.getUrl(), "hotfix for the outage", null));
        RetroGateExecution.wakeAll();
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("deployed production", b);
    }

    @Test
    void blockedBuildRecordsNoRollback() throws Exception {
        blockingItem("checkout-api");
        WorkflowJob p = job("gate-deploy-verify", true);
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        j.waitForMessage("for a release manager to approve", b);
        engine().denyOverride(Actor.of("release-manager", Permission.OVERRIDE), "REQ-1", "not during the sale");
        RetroGateExecution.wakeAll();
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
        j.assertLogNotContains("Rollback recorded", b);
        assertThat(engine().state().incidents()).hasSize(1); // the fixture's own
    }

    @Test
    void retroDeploySucceeds() throws Exception {
        WorkflowJob p = job("retro-deploy", true);
        WorkflowRun b = j.buildAndAssertSuccess(p);
        assertThat(RetroGateBuildAction.of(b).getDeployments().get(0).getOutcome()).isEqualTo("SUCCEEDED");
    }

    @Test
    void retroDeployRollsBackItsOwnDeploymentWhenTheSmokeTestFails() throws Exception {
        WorkflowJob p = job("retro-deploy", false);
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);
        j.assertLogContains("Rollback recorded as INC-1", b);
        String deploymentId = RetroGateBuildAction.of(b).getDeployments().get(0).getDeploymentId();
        assertThat(engine().state().deployment(deploymentId).orElseThrow().outcome()).isEqualTo(Outcome.ROLLED_BACK);
    }

    /** A job running the documented Jenkinsfile {@code name}, with a smoke test that passes or fails. */
    private WorkflowJob job(String name, boolean smokePasses) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "doc-" + name);
        p.setDefinition(new CpsFlowDefinition(example(name), true));
        FilePath workspace = j.jenkins.getWorkspaceFor(p);
        script(workspace, "deploy.sh", "#!/bin/sh\nif [ \"$2\" = --rollback ]; then echo \"rolled back $1\"; "
                + "else echo \"deployed $1\"; fi\n");
        script(workspace, "smoke-test.sh", "#!/bin/sh\necho smoke test of $1\nexit " + (smokePasses ? 0 : 1) + "\n");
        return p;
    }

    private static void script(FilePath workspace, String name, String text) throws Exception {
        FilePath file = workspace.child(name);
        file.write(text, StandardCharsets.UTF_8.name());
        file.chmod(0755);
    }

    /** The fenced groovy block after {@code <!-- tested: name -->} in docs/pipeline-steps.md. */
    static String example(String name) throws Exception {
        Path doc = Path.of(System.getProperty("basedir", "."), "..", "docs", "pipeline-steps.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int marker = text.indexOf("<!-- tested: " + name + " -->");
        assertThat(marker).as("example '%s' in %s", name, doc).isNotNegative();
        int start = text.indexOf("```groovy\n", marker) + "```groovy\n".length();
        int end = text.indexOf("```", start);
        return text.substring(start, end);
    }
}
