package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.store.EventJson;
import io.jenkins.plugins.retrogate.engine.transfer.StoreImport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code import FILE}: an export into an empty store. The whole document is checked before the
 * store is even opened — every event replayed through the rules of the live commands — then its event
 * log is recorded through the store in one command.
 */
@Command(name = "import", mixinStandardHelpOptions = true, header = "Imports an export into an empty store.",
        description = {"Imports an export into an empty store ('-' reads stdin). Everything is validated before",
                "anything changes: every event is replayed through the rules of the live commands (an edit",
                "that no command could have made is refused, naming the event, the field, the value and the",
                "rule); then the export's event log is recorded through the store."})
final class ImportCommand extends CliCommand {
    @Parameters(paramLabel = "FILE", description = "A document written by 'export' (- for stdin).")
    String file;

    @Override
    int execute() {
        JsonNode document = read();
        // every event is replayed through the live commands' rules (four eyes under the home's policy)
        // before the store is even opened
        StoreImport.plan(document, Policies.load(root().home()));
        StoreImport.Plan plan;
        try (Session session = open()) {
            plan = StoreImport.into(session.store, document, session.policy);
        }
        RetroState state = plan.state();
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("events", plan.events().size());
        summary.put("incidents", state.incidents().size());
        summary.put("items", state.items().size());
        summary.put("deployments", state.deployments().size());
        summary.put("overrides", state.overrides().size());
        summary.put("requests", state.requests().size());
        out().line("Imported " + plan.events().size() + " events: " + state.incidents().size() + " incidents, "
                + state.items().size() + " items, " + state.deployments().size() + " deployments, "
                + state.overrides().size() + " overrides");
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("imported", summary);
        out().document(json);
        return ExitCode.OK;
    }

    private JsonNode read() {
        String text;
        try {
            text = file.equals("-") ? new String(root().environment().in().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new BadInputException("FILE '" + file + "' cannot be read: " + e);
        }
        try {
            return EventJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException("FILE '" + file + "' is not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }
}
