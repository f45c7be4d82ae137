package io.jenkins.plugins.retrogate.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.retrogate.engine.Scenario;
import io.jenkins.plugins.retrogate.engine.command.NewIncident;
import io.jenkins.plugins.retrogate.engine.model.Outcome;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportHtmlTest {
    private static final String EVIL = "<script>alert('x')</script> & \"quotes\"";

    @Test
    void isOneSelfContainedPageWithInlineSvgChartsAndNoScript() {
        Scenario s = new Scenario();
        s.deploy("cart", "production", Outcome.SUCCEEDED);
        s.deploy("cart", "production", Outcome.FAILED);
        s.tick();

        String html = ReportHtml.write(ReportBuilder.build(s.store.state(), StoreDocument.events(s.store),
                s.clock.instant(), 30, null));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "<rect", "Change failure rate", "50.0%");
        assertThat(html).doesNotContain("<script", "src=", "href=", "<link", "@import");
    }

    @Test
    void escapesEveryTextThatCameFromUsers() {
        Scenario s = new Scenario();
        s.gate.openIncident(Scenario.ALICE, new NewIncident(EVIL, null, List.of("cart"), null, null));
        s.tick();

        String html = ReportHtml.write(ReportBuilder.build(s.store.state(), StoreDocument.events(s.store),
                s.clock.instant(), 30, null));

        assertThat(html).doesNotContain(EVIL).doesNotContain("<script")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    }

    @Test
    void escapeHandlesNullAndEveryMarkupCharacter() {
        assertThat(ReportHtml.escape(null)).isEmpty();
        assertThat(ReportHtml.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
    }
}
