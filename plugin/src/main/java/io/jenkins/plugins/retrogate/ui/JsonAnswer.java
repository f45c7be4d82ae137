package io.jenkins.plugins.retrogate.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** A JSON document with its HTTP status: what the JSON endpoints answer, successes and errors alike. */
final class JsonAnswer implements HttpResponse {
    private final int status;
    private final ObjectNode body;

    JsonAnswer(int status, ObjectNode body) {
        this.status = status;
        this.body = body;
    }

    static JsonAnswer error(int status, String message) {
        ObjectNode node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.putObject("error").put("status", status).put("message", message);
        return new JsonAnswer(status, node);
    }

    int status() {
        return status;
    }

    @Override
    public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
            throws IOException, ServletException {
        rsp.setStatus(status);
        rsp.setContentType("application/json;charset=UTF-8");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        rsp.getWriter().write(body.toString());
    }
}
