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
    void theDailyChartHasATimeAxisThatFitsThePeriodWithGridlinesAndLabelledAxes() {
        Scenario s = new Scenario();
        for (int day = 0; day < 20; day++) {
            s.deploy("cart", "production", day % 5 == 0 ? Outcome.FAILED : Outcome.SUCCEEDED);
            s.clock.advance(java.time.Duration.ofDays(1));
        }

        Report report = ReportBuilder.build(s.store.state(), StoreDocument.events(s.store), s.clock.instant(), 30, null);
        String chart = ReportCharts.daily(report.daily());

        assertThat(chart).contains(">day (UTC)</text>", ">deployments</text>");
        // 30 days: a tick a week, each a date inside the period
        java.util.regex.Matcher ticks = java.util.regex.Pattern.compile("text-anchor=\"middle\">(\\d{1,2} [A-Z][a-z]{2})</text>")
                .matcher(chart);
        List<String> dates = new java.util.ArrayList<>();
        while (ticks.find()) {
            dates.add(ticks.group(1));
        }
        assertThat(dates).hasSize(5);
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.ROOT);
        assertThat(dates.get(0)).isEqualTo(format.format(report.daily().get(0).day()));
        assertThat(chart).contains("stroke=\"#e4e4e4\"");
        assertThat(ReportCharts.niceStep(1)).isEqualTo(1);
        assertThat(ReportCharts.niceStep(9)).isEqualTo(5);
        assertThat(ReportCharts.niceStep(37)).isEqualTo(10);
        assertThat(ReportCharts.dayStep(7)).isEqualTo(1);
        assertThat(ReportCharts.dayStep(365)).isEqualTo(30);
    }

    @Test
    void theActionItemsOfThePeriodsIncidentsAreListedAndTextColumnsAreLeftAligned() {
        Scenario s = new Scenario();
        var incident = s.rollback("cart");
        s.item(incident, io.jenkins.plugins.retrogate.engine.model.Priority.P0,
                io.jenkins.plugins.retrogate.engine.model.ItemType.PREVENTATIVE, "PAY-9");
        s.tick();

        String html = ReportHtml.write(ReportBuilder.build(s.store.state(), StoreDocument.events(s.store),
                s.clock.instant(), 30, null));

        assertThat(html).contains("<h2>Action items of these incidents</h2>", incident.id() + "-A1",
                "Fix P0 PREVENTATIVE", "PAY-9", "team-payments");
        assertThat(html).contains("text-align:left").contains("td.num,th.num{text-align:right");
    }

        @Test
    void escapeHandlesNullAndEveryMarkupCharacter() {
        assertThat(ReportHtml.escape(null)).isEmpty();
        assertThat(ReportHtml.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
    }
}
