package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.transfer.StoreDocument;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: the whole store as one JSON document (entities and the event log). */
@Command(name = "export", mixinStandardHelpOptions = true, header = "Writes the whole store as one JSON document.",
        description = {"Writes the whole store as one JSON document: formatVersion, incidents, items, deployments,",
                "overrides, requests and the event log (what 'import' replays). Stdout unless --out."})
final class ExportCommand extends CliCommand {
    @Option(names = "--out", paramLabel = "FILE", description = "Write the document to this file instead of stdout.")
    Path outFile;

    @Override
    int execute() {
        ObjectNode document;
        try (Session session = openToRead()) {
            document = StoreDocument.export(session.engine.state(), StoreDocument.events(session.store),
                    session.engine.now());
        }
        if (outFile == null) {
            if (out().json()) {
                out().document(document);
            } else {
                out().raw(Output.write(document) + "\n");
            }
            return ExitCode.OK;
        }
        OutputFile.write(outFile, Output.write(document) + "\n");
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("out", outFile.toAbsolutePath().toString());
        for (String key : new String[] {"incidents", "items", "deployments", "overrides", "requests", "events"}) {
            summary.put(key, document.get(key).size());
        }
        out().line("Exported " + summary.get("events") + " events (" + summary.get("incidents") + " incidents, "
                + summary.get("items") + " items, " + summary.get("deployments") + " deployments, "
                + summary.get("overrides") + " overrides) to " + outFile);
        out().document(summary);
        return ExitCode.OK;
    }
}
