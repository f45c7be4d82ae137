package io.jenkins.plugins.retrogate.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The global configuration form: a refused value is named, and nothing of the refused form is kept. */
@WithJenkins
class ConfigurationFormITest {

    @Test
    void aBadTicketPatternIsNamedAndTheRestOfTheFormIsNotApplied(JenkinsRule j) throws Exception {
        GatePolicy before = RetroGateConfiguration.get().policy();
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        HtmlForm form = wc.goTo("configure").getFormByName("config");
        HtmlTextArea patterns = form.getTextAreaByName("_.productionPatterns");
        patterns.setText("live-*");
        HtmlTextInput ticketPattern = form.getInputByName("_.changeSetTicketPattern");
        ticketPattern.setValue("(unclosed");

        HtmlPage result = j.submit(form);

        assertThat(result.getWebResponse().getStatusCode()).isGreaterThanOrEqualTo(400);
        assertThat(result.asNormalizedText()).contains("changeSetTicketPattern '(unclosed' is not a regular expression");
        assertThat(RetroGateConfiguration.get().policy()).isEqualTo(before);
        assertThat(RetroGateConfiguration.get().getProductionPatterns()).doesNotContain("live-*");
        assertThat(RetroGateConfiguration.get().ticketPattern().pattern())
                .isEqualTo(RetroGateConfiguration.DEFAULT_TICKET_PATTERN);
    }
}
