package io.jenkins.plugins.retrogate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** incident retro: the retrospective document in md, html and json, and its bad input. */
class RetroCommandTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void story() {
        cli = new Cli(dir.resolve("home"));
        cli.incidentWithItems();
        cli.run("deploy", "--service", "checkout-api", "--environment", "production", "--outcome", "succeeded",
                "--change-ticket", "PAY-1");
    }

    @Test
    void markdownOnStdoutHtmlAndJsonToFiles() throws Exception {
        Cli.Result md = cli.run("incident", "retro", "INC-1");
        assertThat(md.code()).as(md.toString()).isZero();
        assertThat(md.out()).startsWith("# Retrospective: INC-1").contains("## Timeline", "timeouts",
                "verified in production by deployment", "## The five questions", "Open question", "Roles, not blame",
                "| INC-1-A1 | P0 | preventative | Load test | team-pay | PAY-1 | VERIFIED |");

        Path html = dir.resolve("retro.html");
        Cli.Result written = cli.run("incident", "retro", "INC-1", "--format", "html", "--output", html.toString());
        assertThat(written.out()).contains("Wrote the html retrospective of INC-1");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("@media print")
                .doesNotContain("<script", "http://", "https://");

        JsonNode json = cli.run("--json", "incident", "retro", "inc-1").json();
        assertThat(json.at("/incident/id").asText()).isEqualTo("INC-1");
        assertThat(json.at("/items/0/status").asText()).isEqualTo("VERIFIED");
        assertThat(json.at("/questions/2/open").asBoolean()).isTrue();
    }

    @Test
    void anUnknownIncidentOrFormatIsExitTwoNamingTheValueAndChangesNothing() {
        java.util.Map<String, String> before = cli.fingerprint();
        Cli.Result unknown = cli.run("incident", "retro", "INC-9");
        Cli.Result format = cli.run("incident", "retro", "INC-1", "--format", "pdf");
        Cli.Result notStdout = cli.run("--json", "incident", "retro", "INC-1", "--format", "html");

        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("incident", "INC-9", "does not exist");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("format", "pdf", "md, html, json");
        assertThat(notStdout.code()).isEqualTo(2);
        assertThat(cli.fingerprint()).isEqualTo(before);
        assertThat(dir.resolve("home")).isDirectory();
    }
}
