package io.jenkins.plugins.retrogate.ui;

import static io.jenkins.plugins.retrogate.Fixtures.incident;
import static io.jenkins.plugins.retrogate.Fixtures.item;
import static io.jenkins.plugins.retrogate.Fixtures.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The build page shows what the gate decided, from the build's own record, with user text escaped. */
@WithJenkins
class SummaryPanelITest {
    private static final String EVIL = "<script>alert('retro')</script> Add <b>alerting</b>";

    @Test
    void showsBlockingItemsEscaped(JenkinsRule j) throws Exception {
        item(incident("checkout-api"), EVIL, Priority.P0, ItemType.PREVENTATIVE, "PAY-9");
        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production')");
        WorkflowRun b = j.buildAndAssertStatus(Result.FAILURE, p);

        HtmlPage page = j.createWebClient().getPage(b);
        String html = page.getWebResponse().getContentAsString();
        assertThat(page.asNormalizedText()).contains("Retro Gate: BLOCK").contains(EVIL).contains("PAY-9")
                .contains("INC-1-A1").contains("team-payments").contains("REQ-1");
        assertThat(html).doesNotContain("<script>alert('retro')</script>").doesNotContain("<b>alerting</b>")
                .contains("&lt;script>"); // Jelly escapes '<' and '&' only, as core's own tests expect
        assertThat(page.getAnchorByHref("/jenkins/retro-gate/override/REQ-1/")).isNotNull();
    }

    @Test
    void rendersFromTheBuildRecordWithoutTheStore(JenkinsRule j) throws Exception {
        item(incident("checkout-api"), "Runbook", Priority.P1, ItemType.PREVENTATIVE, null);
        WorkflowJob p = pipeline(j, "p", "retroGate(service: 'checkout-api', environment: 'production')");
        WorkflowRun b = j.buildAndAssertStatus(Result.UNSTABLE, p);
        RetroGateStore store = RetroGateStore.get();
        store.close();
        String text = j.createWebClient().getPage(b).asNormalizedText();
        assertThat(text).contains("Retro Gate: WARN").contains("Runbook");
        assertThat(store.isOpen()).as("any use of the engine would have reopened the store").isFalse();
    }
}
