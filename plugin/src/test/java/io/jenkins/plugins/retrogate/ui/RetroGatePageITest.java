package io.jenkins.plugins.retrogate.ui;

import static io.jenkins.plugins.retrogate.Fixtures.MANAGER;
import static io.jenkins.plugins.retrogate.Fixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.Fixtures;
import io.jenkins.plugins.retrogate.engine.command.IncidentUpdate;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.state.Page;
import io.jenkins.plugins.retrogate.security.RetroGatePermissions;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class RetroGatePageITest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) {
        j = rule;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader", "manager")
                .grant(RetroGatePermissions.MANAGE).everywhere().to("manager"));
    }

    @Test
    void readersSeeIncidentsAndItemsEscapedButNoForms() throws Exception {
        String incident = engine().openIncident(MANAGER, new NewIncident("<img src=x onerror=alert(1)> outage", null,
                List.of("checkout-api"), Detection.ALERT, null)).id();
        Fixtures.item(incident, "<script>alert(2)</script>", Priority.P0, ItemType.PREVENTATIVE, null);
        HtmlPage page = j.createWebClient().login("reader").goTo("retro-gate/");
        String html = page.getWebResponse().getContentAsString();
        assertThat(page.asNormalizedText()).contains("<img src=x onerror=alert(1)> outage")
                .contains("<script>alert(2)</script>");
        assertThat(html).doesNotContain("<img src=x").doesNotContain("<script>alert(2)");
        assertThat(page.getForms()).noneMatch(f -> "openIncident".equals(f.getActionAttribute()));
    }

    @Test
    void theIncidentPageShowsWordingHintsEscapedWithTheSystemsQuestion() throws Exception {
        String incident = engine().openIncident(MANAGER, new NewIncident("Checkout timeouts", null,
                List.of("checkout-api"), Detection.ALERT, null)).id();
        engine().updateIncident(MANAGER, IncidentUpdate.of(incident)
                .withRootCause("Bob forgot to update <i>PATH</i> before the deploy"));

        HtmlPage page = j.createWebClient().login("reader").goTo("retro-gate/incident/" + incident + "/");

        String hints = page.getElementById("wording-hints").asNormalizedText();
        assertThat(hints).contains("Wording hints: systems, not people.", "rootCause",
                "makes a person the subject of the failure",
                "Is there anything in our automation that would ensure \"update <i>PATH</i> before the deploy\"");
        assertThat(page.getWebResponse().getContentAsString()).doesNotContain("<i>PATH</i>");
    }

    @Test
    void readersSeeTheMetricsReportEscapedAndAsJson() throws Exception {
        engine().openIncident(MANAGER, new NewIncident("<script>alert(3)</script> slow checkout", null,
                List.of("checkout-api"), Detection.ALERT, null));
        JenkinsRule.WebClient wc = j.createWebClient().login("reader");

        String html = wc.goTo("retro-gate/report").getWebResponse().getContentAsString();
        String json = wc.goTo("retro-gate/report?format=json", "application/json").getWebResponse()
                .getContentAsString();

        assertThat(html).contains("DORA figures per service").contains("&lt;script&gt;alert(3)")
                .doesNotContain("<script>alert(3)");
        assertThat(json).contains("\"incidents\"").contains("<script>alert(3)</script> slow checkout");
    }

    @Test
    void metricsWithABadPeriodNameTheField() throws Exception {
        WebResponse response = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false)
                .goTo("retro-gate/report?days=forever").getWebResponse();
        assertThat(response.getContentAsString()).contains("days 'forever' is not a whole number of days");
    }

    @Test
    void anonymousWithoutReadIsTurnedAway() throws Exception {
        engine().openIncident(MANAGER, new NewIncident("Secret outage", null, List.of("checkout-api"),
                Detection.ALERT, null));
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        WebResponse response = wc.getPage(j.getURL() + "retro-gate/").getWebResponse();
        // Jenkins answers 403 and sends the browser on to the sign-in form: what the client ends on
        assertThat(response.getWebRequest().getUrl().getPath()).endsWith("/login");
        assertThat(response.getContentAsString()).contains("Sign in").doesNotContain("Secret outage");
    }

    @Test
    void managerOpensAnIncidentThroughTheForm() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("manager");
        HtmlPage page = wc.goTo("retro-gate/");
        assertThat(page.getForms()).anyMatch(f -> "openIncident".equals(f.getActionAttribute()));
        wc.getPage(new WebRequest(wc.createCrumbedUrl(
                "retro-gate/openIncident?title=Payments+down&services=payments-api&severity=SEV1&detection=ALERT"),
                HttpMethod.POST));
        assertThat(engine().state().incident("INC-1").orElseThrow().title()).isEqualTo("Payments down");
        assertThat(wc.goTo("retro-gate/incident/INC-1/").asNormalizedText()).contains("Payments down").contains("SEV1");
    }

    @Test
    void readerMayNotOpenIncidents() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false);
        WebResponse response = wc.getPage(new WebRequest(wc.createCrumbedUrl(
                "retro-gate/openIncident?title=x&services=a"), HttpMethod.POST)).getWebResponse();
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(engine().state().incidents()).isEmpty();
    }

    @Test
    void incidentsArePaged() throws Exception {
        for (int i = 1; i <= Page.SIZE + 5; i++) {
            engine().openIncident(MANAGER, new NewIncident("Incident " + i, null, List.of("svc"), null, null));
        }
        JenkinsRule.WebClient wc = j.createWebClient().login("reader");
        assertThat(wc.goTo("retro-gate/").asNormalizedText()).contains("Page 1 of 2 (30 incidents)");
        assertThat(wc.goTo("retro-gate/?incidents=2").asNormalizedText()).contains("Page 2 of 2");
    }

    @Test
    void theIncidentHasItsRetrospectiveDocumentEscapedForReadersInHtmlMarkdownAndJson() throws Exception {
        String incident = engine().openIncident(MANAGER, new NewIncident("<img src=x onerror=alert(1)> outage", null,
                List.of("checkout-api"), Detection.ALERT, null)).id();
        Fixtures.item(incident, "Alert on pool saturation", Priority.P0, ItemType.PREVENTATIVE, null);
        JenkinsRule.WebClient wc = j.createWebClient().login("reader");

        assertThat(wc.goTo("retro-gate/incident/" + incident + "/").getElementById("retrospective-links")
                .asNormalizedText()).contains("view and print", "Markdown", "JSON");
        WebResponse html = wc.goTo("retro-gate/incident/" + incident + "/retro/").getWebResponse();
        assertThat(html.getContentAsString()).contains("Retrospective: " + incident, "How did we become aware?",
                "Alert on pool saturation", "&lt;img src=x").doesNotContain("<img src=x");
        assertThat(html.getResponseHeaderValue("Content-Security-Policy")).isEqualTo(RetrospectivePage.POLICY);
        WebResponse md = wc.goTo("retro-gate/incident/" + incident + "/retro/?format=md", "text/markdown")
                .getWebResponse();
        assertThat(md.getContentAsString()).contains("# Retrospective", "Alert on pool saturation");
        assertThat(md.getResponseHeaderValue("Content-Disposition")).contains(incident + "-retrospective.md");
        WebResponse json = wc.goTo("retro-gate/incident/" + incident + "/retro/?format=json", "application/json")
                .getWebResponse();
        assertThat(json.getContentAsString()).contains("\"" + incident + "\"");
    }

    @Test
    void managersSeeWhatTheRetrospectiveLacksAndCanAnswerNotSeenBeforeAndNoAction() throws Exception {
        String incident = engine().openIncident(MANAGER, new NewIncident("Checkout timeouts", null,
                List.of("checkout-api"), Detection.ALERT, null)).id();
        JenkinsRule.WebClient wc = j.createWebClient().login("manager");

        HtmlPage page = wc.goTo("retro-gate/incident/" + incident + "/");
        assertThat(page.getElementById("retro-readiness").asNormalizedText())
                .contains("When did the response start?", "Has it been seen before?", "no 'no action' decision");

        WebRequest post = new WebRequest(new java.net.URL(j.getURL(), "retro-gate/incident/" + incident + "/update"),
                HttpMethod.POST);
        post.setRequestParameters(List.of(new org.htmlunit.util.NameValuePair("notSeenBefore", "true"),
                new org.htmlunit.util.NameValuePair("noActionReason", "the vendor fixed it upstream")));
        wc.addCrumb(post);
        wc.getPage(post);

        var recorded = engine().state().incident(incident).orElseThrow();
        assertThat(recorded.notSeenBefore()).isTrue();
        assertThat(recorded.noActionReason()).isEqualTo("the vendor fixed it upstream");
        assertThat(wc.goTo("retro-gate/incident/" + incident + "/").getElementById("retro-readiness")
                .asNormalizedText()).contains("When did the response start?").doesNotContain("seen before?");
    }

    @Test
    void theRetrospectiveOfAnUnknownIncidentIsNotFoundAndABadFormatIsNamed() throws Exception {
        String incident = engine().openIncident(MANAGER, new NewIncident("Checkout timeouts", null,
                List.of("checkout-api"), Detection.ALERT, null)).id();
        JenkinsRule.WebClient wc = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false);

        assertThat(wc.goTo("retro-gate/incident/INC-99/retro/").getWebResponse().getStatusCode()).isEqualTo(404);
        WebResponse bad = wc.goTo("retro-gate/incident/" + incident + "/retro/?format=pdf").getWebResponse();
        assertThat(bad.getContentAsString()).contains("format 'pdf' is not one of html, md, json");
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        WebResponse response = j.createWebClient().login("reader").withThrowExceptionOnFailingStatusCode(false)
                .goTo("retro-gate/incident/INC-99/").getWebResponse();
        assertThat(response.getStatusCode()).isEqualTo(404);
    }
}
