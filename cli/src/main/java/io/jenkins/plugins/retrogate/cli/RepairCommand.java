package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.store.RepairReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code repair}: cuts a damaged journal after its last good record, keeping a copy of what it cuts. */
@Command(name = "repair", mixinStandardHelpOptions = true, header = "Cuts a damaged journal after its last good record.",
        description = {"Cuts the journal after its last good record and keeps a copy of everything removed in a",
                "repair-<time> directory. The store must not be in use. Exit 0 when it opens afterwards, else 5."})
final class RepairCommand extends CliCommand {
    @Override
    int execute() {
        Path home = root().home();
        if (!root().storeElsewhere()) {
            StoreReports.requireStore(home);
        }
        RepairReport report = root().storeBackendToCheck().repair();
        out().line(report.summary());
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("ok", report.ok());
        json.put("changed", report.changed());
        json.put("directory", report.location());
        json.put("events", report.events());
        json.put("lastSequence", report.lastSequence());
        json.put("bytesCut", report.bytesCut());
        json.put("savedTo", report.savedTo() == null ? null : report.savedTo().toString());
        json.set("problems", StoreReports.problems(report.problems()));
        json.put("replayed", report.replayed());
        json.set("notReplayed", io.jenkins.plugins.retrogate.engine.transfer.ModelJson.strings(report.notReplayed()));
        json.put("idsReservedUpTo", report.reserved());
        out().document(json);
        return report.ok() ? ExitCode.OK : ExitCode.STORE;
    }
}
