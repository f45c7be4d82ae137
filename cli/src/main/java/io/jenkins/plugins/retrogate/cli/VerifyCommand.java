package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.store.VerifyReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code verify}: checks every record, checksum and the hash chain without changing or locking anything. */
@Command(name = "verify", mixinStandardHelpOptions = true, header = "Checks the journal's records, checksums and hash chain.",
        description = {"Checks the journal: every record's checksum, the hash chain and the snapshots.",
                "Changes nothing. Exit 0 when the store opens as it is, 5 when it needs 'repair'."})
final class VerifyCommand extends CliCommand {
    @Override
    int execute() {
        Path home = root().home();
        if (!root().storeElsewhere()) {
            StoreReports.requireStore(home);
        }
        VerifyReport report = root().storeBackendToCheck().verify();
        out().line(report.summary());
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("ok", report.ok());
        json.put("directory", report.location());
        json.put("events", report.events());
        json.put("lastSequence", report.lastSequence());
        json.put("segments", report.segments());
        json.put("snapshots", report.snapshots());
        json.set("problems", StoreReports.problems(report.problems()));
        json.put("repairWouldCutRecords", report.cutRecords());
        json.put("repairWouldCutBytes", report.cutBytes());
        json.put("repairWouldReplay", report.replayable());
        out().document(json);
        if (!report.ok()) {
            String again = root().storeElsewhere() ? "'retro-gate repair' (with the same --store)"
                    : "'retro-gate --home " + home + " repair'";
            out().error("verify: the store " + report.location() + " is damaged; " + again + " cuts"
                    + " after the last good record and keeps a copy of what it cuts");
        }
        return report.ok() ? ExitCode.OK : ExitCode.STORE;
    }
}
