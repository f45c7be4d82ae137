package io.jenkins.plugins.retrogate.steps;

import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The snippet generator offers every step, and what it writes reads back as the same step. */
@WithJenkins
class SnippetGeneratorITest {

    @Test
    void retroGate(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        snippets.assertRoundTrip(new RetroGateStep("checkout-api", "production"),
                "retroGate environment: 'production', service: 'checkout-api'");
        RetroGateStep waiting = new RetroGateStep("checkout-api", "production");
        waiting.setMode("block");
        waiting.setWaitForOverride(true);
        waiting.setTimeout(120);
        snippets.assertRoundTrip(waiting, "retroGate environment: 'production', mode: 'block', service: "
                + "'checkout-api', timeout: 120, waitForOverride: true");
    }

    @Test
    void retroDeployRetroRollbackRetroVerify(JenkinsRule j) throws Exception {
        SnippetizerTester snippets = new SnippetizerTester(j);
        RetroDeployStep deploy = new RetroDeployStep("checkout-api", "production");
        deploy.setVersion("1.4.2");
        snippets.assertRoundTrip(deploy, "retroDeploy(environment: 'production', service: 'checkout-api', "
                + "version: '1.4.2') {\n    // some block\n}");
        RetroRollbackStep rollback = new RetroRollbackStep("checkout-api", "production");
        rollback.setReason("smoke test failed");
        snippets.assertRoundTrip(rollback, "retroRollback environment: 'production', reason: 'smoke test failed', "
                + "service: 'checkout-api'");
        snippets.assertRoundTrip(new RetroVerifyStep("checkout-api", "production"),
                "retroVerify environment: 'production', service: 'checkout-api'");
    }

    @Test
    void retroActionItem(JenkinsRule j) throws Exception {
        RetroActionItemStep item = new RetroActionItemStep("INC-7", "Alert on error rate", "P0", "PREVENTATIVE",
                "team-payments");
        item.setTicket("PAY-123");
        new SnippetizerTester(j).assertRoundTrip(item, "retroActionItem incident: 'INC-7', owner: 'team-payments', "
                + "priority: 'P0', ticket: 'PAY-123', title: 'Alert on error rate', type: 'PREVENTATIVE'");
    }

    @Test
    void everyStepHasDocumentation(JenkinsRule j) throws Exception {
        SnippetizerTester.assertDocGeneration(RetroGateStep.class);
        SnippetizerTester.assertDocGeneration(RetroDeployStep.class);
        SnippetizerTester.assertDocGeneration(RetroRollbackStep.class);
        SnippetizerTester.assertDocGeneration(RetroVerifyStep.class);
        SnippetizerTester.assertDocGeneration(RetroActionItemStep.class);
    }
}
