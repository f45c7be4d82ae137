package io.jenkins.plugins.retrogate.security;

import static io.jenkins.plugins.retrogate.Fixtures.blockingItem;
import static io.jenkins.plugins.retrogate.Fixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.RequestStatus;
import io.jenkins.plugins.retrogate.engine.policy.GateRequest;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Approve or deny from a script: JSON with an API token, no crumb, the same permission and four eyes. */
@WithJenkins
class OverrideAnswerApiITest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().toEveryone()
                .grant(RetroGatePermissions.OVERRIDE).everywhere().to("alice", "bob", "dave"));
        blockingItem("checkout-api");
        engine().gate(Actor.of("alice"), GateRequest.of("checkout-api", "production", null, "https://ci/job/p/1/",
                "alice", List.of(), null, Instant.now()));
    }

    private WebResponse answer(String user, String json) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withBasicApiToken(user)
                .withThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(new URL(j.getURL(), "retro-gate/override/REQ-1/answer"), HttpMethod.POST);
        post.setAdditionalHeader("Content-Type", "application/json");
        post.setRequestBody(json);
        return wc.getPage(post).getWebResponse();
    }

    private RequestStatus status() {
        return engine().state().request("REQ-1").orElseThrow().status();
    }

    @Test
    void anotherReleaseManagerApprovesWithAnApiTokenAndGetsJsonBack() throws Exception {
        WebResponse response = answer("bob", "{\"decision\": \"approve\", \"reason\": \"hotfix, tested in staging\"}");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsString()).contains("\"status\":\"APPROVED\"", "\"decidedBy\":\"bob\"",
                "\"override\":\"OVR-1\"");
        assertThat(status()).isEqualTo(RequestStatus.APPROVED);
    }

    @Test
    void twoOfTwoTheFirstApprovalLeavesItPendingTheSecondMakesItTakeEffect() throws Exception {
        io.jenkins.plugins.retrogate.config.RetroGateConfiguration.get().setApprovals(List.of(
                new io.jenkins.plugins.retrogate.config.ApprovalRequirement("", "production", 2)));

        WebResponse first = answer("bob", "{\"decision\": \"approve\", \"reason\": \"hotfix\"}");
        WebResponse again = answer("bob", "{\"decision\": \"approve\", \"reason\": \"hotfix, twice\"}");
        RequestStatus between = status();
        WebResponse second = answer("dave", "{\"decision\": \"approve\", \"reason\": \"agreed\"}");

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getContentAsString()).contains("\"status\":\"PENDING\"", "\"inEffect\":false",
                "\"missing\":1", "\"approvers\":[\"bob\"]");
        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(again.getContentAsString()).contains("bob already approved REQ-1 (1 of 2)");
        assertThat(between).isEqualTo(RequestStatus.PENDING);
        assertThat(second.getContentAsString()).contains("\"status\":\"APPROVED\"", "\"inEffect\":true",
                "\"approvers\":[\"bob\",\"dave\"]");
        assertThat(engine().state().overrides().get("OVR-1").approvers()).containsExactly("bob", "dave");
    }

    @Test
    void theRequesterIsRefusedByFourEyesAndNothingChanges() throws Exception {
        WebResponse response = answer("alice", "{\"decision\": \"approve\", \"reason\": \"mine\"}");

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getContentAsString()).contains("Four eyes: alice requested");
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void withoutTheOverridePermissionItIsForbidden() throws Exception {
        WebResponse response = answer("carol", "{\"decision\": \"deny\", \"reason\": \"no\"}");

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void badInputIsNamedAndChangesNothing() throws Exception {
        assertThat(answer("bob", "{\"decision\": \"maybe\", \"reason\": \"x\"}").getContentAsString())
                .contains("decision 'maybe' is not one of approve, deny");
        assertThat(answer("bob", "not json").getStatusCode()).isEqualTo(400);
        assertThat(answer("bob", "{\"decision\": \"deny\"}").getContentAsString()).contains("reason");
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
    }

    @Test
    void aGetIsRefused() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withBasicApiToken("bob").withThrowExceptionOnFailingStatusCode(false);
        assertThat(wc.goTo("retro-gate/override/REQ-1/answer", null).getWebResponse().getStatusCode()).isIn(404, 405);
        assertThat(status()).isEqualTo(RequestStatus.PENDING);
    }
}
