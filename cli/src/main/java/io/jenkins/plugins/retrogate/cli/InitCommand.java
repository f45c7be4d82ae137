package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import picocli.CommandLine.Command;

/**
 * {@code init}: creates the store on purpose. The gate and the read commands never create one (a
 * mistyped home must not answer ALLOW from an empty store); this and the recording commands do.
 */
@Command(name = "init", mixinStandardHelpOptions = true, header = "Creates the store in the home (if there is none).",
        description = {"Creates an empty store in --home (or $RETRO_GATE_HOME). 'gate' and the read commands refuse"
                + " a home without a store; the commands that record something create it too."})
final class InitCommand extends CliCommand {
    @Override
    int execute() {
        StoreBackend backend = root().storeBackend();
        boolean existed = backend.exists();
        try (Session session = open()) {
            out().line((existed ? "A store already exists at " : "Created a store at ") + backend.location()
                    + " (" + session.store.state().sequence() + " events)");
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("home", session.home.toString());
            json.put("created", !existed);
            json.put("events", session.store.state().sequence());
            out().document(json);
        }
        return ExitCode.OK;
    }
}
