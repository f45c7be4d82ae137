package io.jenkins.plugins.retrogate.security;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Item;
import io.jenkins.plugins.retrogate.Fixtures;
import io.jenkins.plugins.retrogate.config.GateRule;
import io.jenkins.plugins.retrogate.config.RetroGateConfiguration;
import io.jenkins.plugins.retrogate.engine.policy.GateMode;
import io.jenkins.plugins.retrogate.engine.policy.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The form endpoints that used to answer any verb and any reader (the snippet generator's checks and
 * choices, a gate rule's pattern check): a GET is not served, a POST with a crumb answers whoever may
 * configure, and the configuration page still validates its fields as the administrator types.
 */
@WithJenkins
class FormEndpointsITest {
    private static final String RETRO_GATE = "descriptorByName/io.jenkins.plugins.retrogate.steps.RetroGateStep/";
    private static final String ACTION_ITEM =
            "descriptorByName/io.jenkins.plugins.retrogate.steps.RetroActionItemStep/";
    private static final String GATE_RULE = "descriptorByName/io.jenkins.plugins.retrogate.config.GateRule/";
    /** What the engine says of a name with a space, as a form check shows it. */
    private static final String BAD_SERVICE = "service &#039;checkout api&#039;";

    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        WorkflowJob deploy = Fixtures.pipeline(j, "deploy", "echo 'deploying'");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.DISCOVER).everywhere().toEveryone()
                .grant(Item.CONFIGURE).onItems(deploy).to("author")
                .grant(Jenkins.ADMINISTER).everywhere().to("admin"));
    }

    @Test
    void aGetIsNotServedEvenToAnAdministrator() throws Exception {
        for (String path : List.of(RETRO_GATE + "checkService?value=checkout+api",
                "job/deploy/" + ACTION_ITEM + "fillPriorityItems", GATE_RULE + "checkPattern?value=prod+eu")) {
            WebResponse response = get("admin", path);
            assertThat(response.getStatusCode()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString()).as(path).doesNotContain("is not a valid");
        }
    }

    @Test
    void onAJobsPipelineSyntaxPageWhoeverMayConfigureTheJobHasNamesChecked() throws Exception {
        String check = "job/deploy/" + RETRO_GATE + "checkService";

        WebResponse byAuthor = post("author", check, "value", "checkout api");
        WebResponse byReader = post("reader", check, "value", "checkout api");

        assertThat(byAuthor.getStatusCode()).isEqualTo(200);
        assertThat(byAuthor.getContentAsString()).contains(BAD_SERVICE);
        assertThat(byReader.getStatusCode()).isEqualTo(200);
        assertThat(byReader.getContentAsString()).doesNotContain("checkout api");
    }

    @Test
    void onTheGlobalPipelineSyntaxPageOnlyAnAdministratorHasNamesChecked() throws Exception {
        assertThat(post("admin", RETRO_GATE + "checkService", "value", "checkout api").getContentAsString())
                .contains(BAD_SERVICE);
        assertThat(post("author", RETRO_GATE + "checkService", "value", "checkout api").getContentAsString())
                .doesNotContain("checkout api");
    }

    @Test
    void choicesAreFilledByPostForWhoeverMayConfigureTheJob() throws Exception {
        String fill = "job/deploy/" + ACTION_ITEM + "fillPriorityItems";

        WebResponse byAuthor = post("author", fill);
        WebResponse byReader = post("reader", fill);

        assertThat(byAuthor.getStatusCode()).isEqualTo(200);
        assertThat(byAuthor.getContentAsString()).contains("\"value\":\"P0\"").contains("\"value\":\"P2\"");
        assertThat(byReader.getStatusCode()).isEqualTo(200);
        assertThat(byReader.getContentAsString()).doesNotContain("P0");
    }

    @Test
    void aGateRulesPatternIsCheckedForAdministratorsOnly() throws Exception {
        WebResponse byAdmin = post("admin", GATE_RULE + "checkPattern", "value", "prod eu");
        WebResponse byAuthor = post("author", GATE_RULE + "checkPattern", "value", "prod eu");

        assertThat(byAdmin.getStatusCode()).isEqualTo(200);
        assertThat(byAdmin.getContentAsString()).contains("is not a valid pattern");
        assertThat(byAuthor.getStatusCode()).isEqualTo(403);
        assertThat(byAuthor.getContentAsString()).doesNotContain("is not a valid pattern");
    }

    @Test
    void theConfigurationPageStillValidatesFieldsAsTheAdministratorTypes() throws Exception {
        RetroGateConfiguration.get().setRules(List.of(new GateRule(PolicyRule.Scope.SERVICE, "legacy-*",
                GateMode.WARN)));
        JenkinsRule.WebClient wc = j.createWebClient().login("admin");
        HtmlPage page = wc.goTo("configure");
        HtmlForm form = page.getFormByName("config");

        type(form.getInputByName("_.pattern"), "legacy *");
        type(form.getInputByName("_.changeSetTicketPattern"), "(unclosed");
        wc.waitForBackgroundJavaScript(10_000);

        assertThat(validationOf(form.getInputByName("_.pattern")))
                .contains("pattern 'legacy *' is not a valid pattern");
        assertThat(validationOf(form.getInputByName("_.changeSetTicketPattern")))
                .contains("changeSetTicketPattern '(unclosed' is not a regular expression");
        assertThat(RetroGateConfiguration.get().getRules()).extracting(GateRule::getPattern)
                .containsExactly("legacy-*");
    }

    /** What a user does: a new value, then leaving the field (the check runs on change, by POST). */
    private static void type(HtmlInput input, String value) {
        input.setValue(value);
        input.fireEvent("change");
    }

    /** The message the form shows under a field. */
    private static String validationOf(HtmlInput input) {
        var item = input.getEnclosingElement("div");
        while (item != null && !item.getAttribute("class").contains("jenkins-form-item")) {
            item = item.getEnclosingElement("div");
        }
        return item == null ? "" : item.asNormalizedText();
    }

    private WebResponse get(String user, String path) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        return wc.getPage(new WebRequest(new java.net.URL(j.getURL(), path), HttpMethod.GET)).getWebResponse();
    }

    private WebResponse post(String user, String path, String... nameValues) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        WebRequest request = new WebRequest(wc.createCrumbedUrl(path), HttpMethod.POST);
        List<NameValuePair> parameters = new ArrayList<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            parameters.add(new NameValuePair(nameValues[i], nameValues[i + 1]));
        }
        request.setRequestParameters(parameters);
        return wc.getPage(request).getWebResponse();
    }
}
