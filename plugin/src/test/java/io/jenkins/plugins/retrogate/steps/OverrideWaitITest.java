package io.jenkins.plugins.retrogate.steps;

import static io.jenkins.plugins.retrogate.Fixtures.blockingItem;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Result;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code retroGate(waitForOverride: true)} waits like {@code input} until a release manager answers. */
@WithJenkins
class OverrideWaitITest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().toEveryone()
                .grant(RetroGatePermissions.OVERRIDE).everywhere().to("bob"));
    }

    @Test
    void approvalByAnotherReleaseManagerResumesTheBuild() throws Exception {
        blockingItem("checkout-api");
        WorkflowRun b = startWaiting("alice");
        post("bob", "retro-gate/override/REQ-1/approve?reason=hotfix&scope=build");
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("OVERRIDDEN: checkout-api → production", b);
        j.assertLogContains("approved by bob (hotfix)", b);
        assertThat(RetroGateBuildAction.of(b).getGates()).anySatisfy(g -> {
            assertThat(g.getDecision()).isEqualTo("OVERRIDDEN");
            assertThat(g.getApprovedBy()).isEqualTo("bob");
        });
    }

    @Test
    void releaseManagerApprovesFromTheRetroGatePage() throws Exception {
        blockingItem("checkout-api");
        WorkflowRun b = startWaiting("alice");
        HtmlPage page = j.createWebClient().login("bob").goTo("retro-gate/");
        HtmlForm form = page.getForms().stream()
                .filter(f -> "override/REQ-1/approve".equals(f.getActionAttribute())).findFirst().orElseThrow();
        form.getInputByName("reason").setValue("customer-facing fix");
        HtmlElement approve = form.getOneHtmlElementByAttribute("button", "type", "submit");
        approve.click();
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        j.assertLogContains("approved by bob (customer-facing fix)", b);
    }

    @Test
    void denialFailsTheWaitingBuild() throws Exception {
        blockingItem("checkout-api");
        WorkflowRun b = startWaiting("alice");
        post("bob", "retro-gate/override/REQ-1/deny?reason=not+today");
        j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(b));
        j.assertLogContains("Override request REQ-1 was denied by bob: not today", b);
        assertThat(RetroGateBuildAction.of(b).getGates().get(0).getRequestStatus()).isEqualTo("DENIED");
    }

    @Test
    void abortingTheBuildExpiresItsRequest() throws Exception {
        blockingItem("checkout-api");
        WorkflowRun b = startWaiting("alice");
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        j.waitUntilNoActivity();
        for (int i = 0; i < 50 && !expired(); i++) {
            Thread.sleep(100);
        }
        assertThat(expired()).isTrue();
    }

    private static boolean expired() {
        return io.jenkins.plugins.retrogate.Fixtures.engine().state().request("REQ-1")
                .map(r -> r.status().name().equals("EXPIRED")).orElse(false);
    }

    private WorkflowRun startWaiting(String user) throws Exception {
        WorkflowJob p = pipeline(j, "p", """
                retroGate(service: 'checkout-api', environment: 'production', waitForOverride: true, timeout: 30)
                echo 'deploying'
                """);
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause(user))).waitForStart();
        j.waitForMessage("for a release manager to approve", b);
        return b;
    }

    private void post(String user, String path) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login(user);
        wc.getPage(new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST));
    }
}
