package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Where a command's results go. With {@code --json} stdout holds exactly one JSON document and
 * nothing else: text lines are dropped and {@link #document} may be called once. Errors always
 * go to stderr.
 */
final class Output {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean colour;
    private boolean documentWritten;

    Output(PrintWriter out, PrintWriter err, boolean json) {
        this(out, err, json, false);
    }

    Output(PrintWriter out, PrintWriter err, boolean json, boolean colour) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.colour = colour && !json;
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

    /**
     * A gate decision's text for people, its first word coloured on a terminal: BLOCK red, WARN yellow,
     * ALLOW green, OVERRIDDEN magenta (the colour repeats what the word says, never replaces it).
     */
    void decision(Decision decision, String message) {
        if (!colour || !message.startsWith(decision.name())) {
            line(message);
            return;
        }
        String style = switch (decision) {
            case BLOCK -> "bold,red";
            case WARN -> "bold,yellow";
            case ALLOW -> "bold,green";
            case OVERRIDDEN -> "bold,magenta";
        };
        line(CommandLine.Help.Ansi.ON.string("@|" + style + " " + decision.name() + "|@")
                + message.substring(decision.name().length()));
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

    /**
     * Wording hints about what was just recorded, on stderr (stdout stays the result a script reads),
     * and in JSON mode also in the document under {@code hints}.
     */
    JsonNode withHints(List<WordingHint> hints, ObjectNode document) {
        for (WordingHint hint : hints) {
            err.println("hint: " + hint.message());
        }
        err.flush();
        if (!hints.isEmpty()) {
            document.set("hints", Views.array(hints, Views::hint));
        }
        return document;
    }

    void error(String text) {
        err.println(text);
        err.flush();
    }

    static String write(JsonNode node) {
        try {
            return Indented.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The writer of documents, made when the first is written: a command without --json never needs it. */
    private static final class Indented {
        static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

        private Indented() {
        }
    }
}
