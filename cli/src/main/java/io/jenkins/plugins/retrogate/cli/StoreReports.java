package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.store.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The journal's verify and repair findings as JSON. */
final class StoreReports {
    private StoreReports() {
    }

    static ArrayNode problems(List<Problem> problems) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Problem p : problems) {
            ObjectNode node = array.addObject();
            node.put("file", p.where());
            node.put("offset", p.offset());
            node.put("sequence", p.sequence());
            node.put("kind", p.kind().name());
            node.put("fatal", p.fatal());
            node.put("message", p.message());
        }
        return array;
    }

    /** Verify and repair look at an existing store; they never create one. */
    static void requireStore(Path home) {
        if (!Files.isDirectory(home)) {
            throw new BadInputException("--home '" + home + "' does not exist: there is no store to check");
        }
    }
}
