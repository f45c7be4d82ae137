package io.jenkins.plugins.retrogate.ui;

import hudson.model.Failure;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.engine.report.Retrospective;
import io.jenkins.plugins.retrogate.engine.report.RetrospectiveHtml;
import io.jenkins.plugins.retrogate.engine.report.RetrospectiveJson;
import io.jenkins.plugins.retrogate.engine.report.RetrospectiveMarkdown;
import java.io.IOException;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.verb.GET;

/**
 * The incident's retrospective document at {@code /retro-gate/incident/INC-n/retro/}: the engine's
 * printable HTML page (user text escaped, no script; a style sheet inline and nothing else allowed), or
 * {@code ?format=md} (Markdown to paste into GitHub or Confluence) or {@code ?format=json}, as downloads.
 * Built from the event log only when asked; it changes nothing and shows nothing a reader of the incident
 * page could not see.
 */
public final class RetrospectivePage {
    /** The HTML document may style itself and do nothing else. */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none';"
            + " frame-ancestors 'self'";

    private final RetroGatePage page;
    private final String incidentId;

    RetrospectivePage(RetroGatePage page, String incidentId) {
        this.page = page;
        this.incidentId = incidentId;
    }

    @GET
    public void doIndex(StaplerRequest2 req, StaplerResponse2 rsp, @QueryParameter String format) throws IOException {
        page.jenkins().checkPermission(Jenkins.READ);
        String wanted = RetroGatePage.blank(format) ? "html" : format.strip();
        if (!wanted.equals("html") && !wanted.equals("md") && !wanted.equals("json")) {
            throw new Failure("format '" + format + "' is not one of html, md, json");
        }
        Retrospective retro;
        try {
            RetroGate engine = page.engine();
            retro = Retrospective.of(engine.state(), engine.events(), incidentId, engine.now());
        } catch (RetroGateException e) {
            throw new Failure(e.getMessage());
        }
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        switch (wanted) {
            case "md" -> {
                rsp.setContentType("text/markdown;charset=UTF-8");
                rsp.setHeader("Content-Disposition", "attachment; filename=\"" + incidentId + "-retrospective.md\"");
                rsp.getWriter().write(RetrospectiveMarkdown.write(retro));
            }
            case "json" -> {
                rsp.setContentType("application/json;charset=UTF-8");
                rsp.setHeader("Content-Disposition", "attachment; filename=\"" + incidentId + "-retrospective.json\"");
                rsp.getWriter().write(RetrospectiveJson.write(retro).toPrettyString());
            }
            default -> {
                rsp.setContentType("text/html;charset=UTF-8");
                rsp.setHeader("Content-Security-Policy", POLICY);
                rsp.getWriter().write(RetrospectiveHtml.write(retro));
            }
        }
    }
}
