package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lists for people are aligned tables whose columns a long name cannot push out of line. */
class TableOutputTest {
    @TempDir
    Path home;

    @Test
    void aLongOwnerIsCutWithAnEllipsisAndTheTitlesStayInOneColumn() {
        Cli cli = new Cli(home);
        cli.id("incident", "open", "--service", "checkout-api", "--title", "Checkout timeouts");
        cli.id("item", "add", "INC-1", "--title", "Load-test pool settings", "--priority", "P0", "--type",
                "preventative", "--owner", "team-payments-and-checkout-platform-reliability", "--ticket", "PAY-123");
        cli.id("item", "add", "INC-1", "--title", "Alert on timeouts", "--priority", "P1", "--type", "mitigative",
                "--owner", "sre");

        List<String> lines = cli.run("item", "list").out().lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID").contains("OWNER").endsWith("TITLE");
        int title = lines.get(0).indexOf("TITLE");
        assertThat(lines.get(1).substring(title)).isEqualTo("Load-test pool settings [PAY-123]");
        assertThat(lines.get(2).substring(title)).isEqualTo("Alert on timeouts");
        assertThat(lines.get(1)).contains("team-payments-and-c…  ").doesNotContain("reliability");
        assertThat(lines.get(1).indexOf("P0")).isEqualTo(lines.get(0).indexOf("PRIO"));
    }

    @Test
    void incidentsAreATableWithTheirServicesAndTitles() {
        Cli cli = new Cli(home);
        cli.id("incident", "open", "--service", "checkout-api", "--service", "payments", "--title", "Timeouts");
        cli.id("incident", "open", "--service", "search", "--title", "Slow queries", "--severity", "SEV2");

        List<String> lines = cli.run("incident", "list").out().lines().toList();

        assertThat(lines.get(0)).startsWith("ID").contains("SERVICES").endsWith("TITLE");
        int title = lines.get(0).indexOf("TITLE");
        assertThat(lines.get(1)).startsWith("INC-1").contains("checkout-api,payments");
        assertThat(lines.get(1).substring(title)).isEqualTo("Timeouts");
        assertThat(lines.get(2).substring(title)).isEqualTo("Slow queries");
        assertThat(lines.get(2)).contains("SEV2");
    }
}
