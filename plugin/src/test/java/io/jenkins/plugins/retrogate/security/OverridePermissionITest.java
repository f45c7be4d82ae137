package io.jenkins.plugins.retrogate.security;

import static io.jenkins.plugins.retrogate.Fixtures.blockingItem;
import static io.jenkins.plugins.retrogate.Fixtures.engine;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Result;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Who may approve an override: the Override permission, POST only, and four eyes for everyone. */
@WithJenkins
class OverridePermissionITest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().toEveryone()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(RetroGatePermissions.OVERRIDE).everywhere().to("alice", "bob")
                .grant(RetroGatePermissions.MANAGE).everywhere().to("manager"));
        blockingItem("checkout-api");
        // a waiting build: its request stays PENDING while it runs (a build that ends closes it)
        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production', "
                + "waitForOverride: true, timeout: 30)");
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("alice"))).waitForStart();
        j.waitForMessage("Waiting until", b);
    }

    @Test
    void userWithoutOverrideIsForbidden() throws Exception {
        assertThat(post("manager", "approve?reason=please")).isEqualTo(403);
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void requesterMayNotApproveHerOwnBuild() throws Exception {
        WebResponse response = send("alice", "retro-gate/override/REQ-1/approve?reason=mine");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getResponseHeaderValue("X-Error")).startsWith("Four eyes: alice requested");
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void fourEyesHoldForAdministratorsToo() throws Exception {
        WorkflowJob q = pipeline(j, "q", "retroGate(service: 'checkout-api', environment: 'prod', "
                + "waitForOverride: true, timeout: 30)");
        j.waitForMessage("Waiting until", q.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("admin")))
                .waitForStart());
        String requestId = engine().state().pendingRequestByTarget().values().stream()
                .filter(id -> engine().state().request(id).orElseThrow().requestedBy().equals("admin"))
                .findFirst().orElseThrow();
        WebResponse response = send("admin", "retro-gate/override/" + requestId + "/approve?reason=admin+override");
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getResponseHeaderValue("X-Error")).startsWith("Four eyes: admin requested");
        assertThat(engine().state().request(requestId).orElseThrow().status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void anotherReleaseManagerApprovesAndIsRecorded() throws Exception {
        assertThat(post("bob", "approve?reason=hotfix+needed")).isEqualTo(200);
        assertThat(status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(engine().state().request("REQ-1").orElseThrow().decidedBy()).isEqualTo("bob");
        String page = j.createWebClient().login("bob").goTo("retro-gate/override/REQ-1/").asNormalizedText();
        assertThat(page).containsPattern("APPROVED by bob at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC: hotfix needed")
                .containsPattern("alice at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    }

    @Test
    void aDeniedRequestCannotBeApprovedAfterwardsByAnyone() throws Exception {
        assertThat(post("bob", "deny?reason=fix+the+canary+first")).isEqualTo(200);

        WebResponse byAlice = send("alice", "retro-gate/override/REQ-1/approve?reason=mine&scope=window");
        WebResponse byBob = send("bob", "retro-gate/override/REQ-1/approve?reason=changed+my+mind&scope=window");

        assertThat(byAlice.getStatusCode()).isEqualTo(400);
        assertThat(byBob.getResponseHeaderValue("X-Error")).contains("already DENIED by bob");
        assertThat(status()).isEqualTo(RequestStatus.DENIED);
        assertThat(engine().state().overrides()).isEmpty();
    }

    @Test
    void anOverrideApprovedInAdvanceDoesNotLetItsApproverDeploy() throws Exception {
        engine().approveOverride(io.jenkins.plugins.retrogate.security.Actors.of("bob", true, false),
                new io.jenkins.plugins.retrogate.engine.command.OverrideGrant("checkout-api", "production", null,
                        "release train", null));
        WorkflowJob q = pipeline(j, "q", "def d = retroGate(service: 'checkout-api', environment: 'production')\n"
                + "echo \"decision=${d.decision}\"");

        WorkflowRun byBob = q.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("bob"))).get();
        WorkflowRun byCarol = q.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("carol"))).get();

        j.assertBuildStatus(Result.FAILURE, byBob);
        j.assertLogContains("four eyes", byBob);
        j.assertBuildStatus(Result.SUCCESS, byCarol);
        j.assertLogContains("decision=OVERRIDDEN", byCarol);
    }

    @Test
    void afterABlockedBuildEndedAReleaseManagerApprovesAWindowForItsNextRun() throws Exception {
        WorkflowJob q = pipeline(j, "q", "def d = retroGate(service: 'checkout-api', environment: 'prod')\n"
                + "echo \"decision=${d.decision}\"");
        j.assertBuildStatus(Result.FAILURE, q.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("alice"))).get());
        String requestId = engine().state().requests().values().stream()
                .filter(r -> "prod".equals(r.environment())).findFirst().orElseThrow().id();
        io.jenkins.plugins.retrogate.Fixtures.eventually("the ended build's request closed", () ->
                engine().state().request(requestId).orElseThrow().status() == RequestStatus.EXPIRED);

        assertThat(send("bob", "retro-gate/override/" + requestId + "/approve?reason=late").getStatusCode())
                .as("a closed request is not approved").isEqualTo(400);
        assertThat(send("bob", "retro-gate/override/" + requestId + "/approveWindow?reason=hotfix&hours=2")
                .getStatusCode()).isEqualTo(200);

        WorkflowRun again = q.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("alice"))).get();
        j.assertBuildStatus(Result.SUCCESS, again);
        j.assertLogContains("decision=OVERRIDDEN", again);
        WorkflowRun byBob = q.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("bob"))).get();
        j.assertBuildStatus(Result.FAILURE, byBob); // four eyes: bob's own window does not let bob through
    }

    @Test
    void approvalNeedsAReason() throws Exception {
        assertThat(post("bob", "approve?reason=")).isEqualTo(400);
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void approvingByGetIsRefused() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("bob").withThrowExceptionOnFailingStatusCode(false);
        Page page = wc.goTo("retro-gate/override/REQ-1/approve?reason=get", null);
        assertThat(page.getWebResponse().getStatusCode()).isGreaterThanOrEqualTo(400);
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void managingItemsNeedsManage() throws Exception {
        assertThat(send("bob", "retro-gate/item/INC-1-A1/resolve?fix=abc").getStatusCode()).isEqualTo(403);
        assertThat(send("manager", "retro-gate/item/INC-1-A1/resolve?fix=abc").getStatusCode()).isEqualTo(200);
    }

    private RequestStatus status() {
        return engine().state().request("REQ-1").orElseThrow().status();
    }

    private int post(String user, String action) throws Exception {
        return send(user, "retro-gate/override/REQ-1/" + action).getStatusCode();
    }

    private WebResponse send(String user, String path) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login(user).withThrowExceptionOnFailingStatusCode(false);
        return wc.getPage(new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST)).getWebResponse();
    }
}
