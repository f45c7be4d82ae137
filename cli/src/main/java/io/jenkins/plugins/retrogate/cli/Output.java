package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;

/**
 * Where a command's results go. With {@code --json} stdout holds exactly one JSON document and
 * nothing else: text lines are dropped and {@link #document} may be called once. Errors always
 * go to stderr.
 */
final class Output {
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private boolean documentWritten;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    boolean json() {
        return json;
    }

    /** A line for people; dropped in JSON mode so that stdout stays one document. */
    void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    /** Text written as it is (a report, an export) to stdout. */
    void raw(String text) {
        out.print(text);
        out.flush();
    }

    /** The JSON document of this run; only in JSON mode, only once. */
    void document(JsonNode node) {
        if (!json) {
            return;
        }
        if (documentWritten) {
            throw new IllegalStateException("a second JSON document on stdout");
        }
        documentWritten = true;
        out.println(write(node));
        out.flush();
    }

    boolean documentWritten() {
        return documentWritten;
    }

    void error(String text) {
        err.println(text);
        err.flush();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
