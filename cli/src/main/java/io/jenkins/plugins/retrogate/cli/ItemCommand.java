package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.command.NewActionItem;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Ids;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.ItemStatus;
import io.jenkins.plugins.retrogate.engine.model.ItemType;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.Priority;
import io.jenkins.plugins.retrogate.engine.state.Listings;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import io.jenkins.plugins.retrogate.engine.transfer.ModelJson;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code item add|show|resolve|reopen|drop|list}: the retrospective's action items. There is no
 * command that verifies an item: only a successful production deployment does ({@code deploy}).
 */
@Command(name = "item", mixinStandardHelpOptions = true,
        description = {"Adds, resolves, reopens, drops and lists action items.",
                "Items are verified only by a successful production deployment ('deploy'), never by hand."})
final class ItemCommand extends CliGroup {
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Adds an action item; prints its id.")
    int add(@Parameters(paramLabel = "INCIDENT", description = "The incident, like INC-3.") String incident,
            @Option(names = "--title", required = true, paramLabel = "T", description = "What will change, in one line, about the system ('Add a pool-size alert').") String title,
            @Option(names = "--priority", required = true, paramLabel = "P0|P1|P2", description = "How urgent: under the default policy an open preventative P0 blocks production deployments.") String priority,
            @Option(names = "--type", required = true, paramLabel = "preventative|mitigative|other", description = "Preventative items stop it happening again; mitigative ones lessen the harm.") String type,
            @Option(names = "--owner", required = true, paramLabel = "TEAM", description = "A team is preferred to a person.") String owner,
            @Option(names = "--ticket", paramLabel = "KEY", description = "PAY-123, owner/repo#42 or an URL.") String ticket,
            @Option(names = "--service", paramLabel = "S", description = "A guarded service (repeatable; * for all; default: the incident's).") List<String> services,
            @Option(names = "--due", paramLabel = "YYYY-MM-DD", description = "When it is due; past it, an open item warns at the gate.") String due) {
        NewActionItem input = new NewActionItem(incident, title, Priority.parse("priority", priority),
                ItemType.parse("type", type), owner, ticket, services, Inputs.date("due", due));
        try (Session session = open()) {
            ActionItem item = session.engine.addItem(session.actor, input);
            out().line(item.id());
            out().document(out().withHints(input.hints(), ModelJson.item(item)));
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows an action item.")
    int show(@Parameters(paramLabel = "ID", description = "The item, like INC-3-A1.") String rawId) {
        String id = Ids.parseItem("item", rawId);
        try (Session session = openToRead()) {
            ActionItem item = session.engine.state().item(id)
                    .orElseThrow(() -> new InvalidInputException("item", rawId, "does not exist"));
            out().line(Views.itemLine(item));
            out().line("  guards:   " + String.join(", ", item.services()));
            out().line("  due:      " + (item.due() == null ? "-" : item.due()));
            out().line("  created:  " + item.createdAt() + " by " + item.createdBy());
            if (item.resolvedAt() != null) {
                out().line("  resolved: " + item.resolvedAt() + " by " + item.resolvedBy() + " (" + item.resolution()
                        + (item.fix() == null ? "" : ", fix " + item.fix()) + ")");
            }
            if (item.verifiedAt() != null) {
                out().line("  verified: " + item.verifiedAt() + " by deployment " + item.verifiedBy());
            }
            if (item.note() != null) {
                out().line("  note:     " + item.note());
            }
            out().document(ModelJson.item(item));
            return ExitCode.OK;
        }
    }

    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "The fix is done; a successful production deployment will verify it.")
    int resolve(@Parameters(paramLabel = "ID", description = "The item, like INC-3-A1.") String id,
            @Option(names = "--fix", paramLabel = "REF", description = "Commit, pull request or change carrying the fix.") String fix) {
        try (Session session = open()) {
            ActionItem item = session.engine.resolveItem(session.actor, id, fix);
            return done(item, "Resolved " + item.id() + "; the next successful production deployment of "
                    + String.join(", ", item.services()) + " verifies it");
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "The fix did not hold.")
    int reopen(@Parameters(paramLabel = "ID", description = "The item, like INC-3-A1.") String id,
            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is reopened.") String reason) {
        try (Session session = open()) {
            ActionItem item = session.engine.reopenItem(session.actor, id, reason);
            return done(item, "Reopened " + item.id());
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true, description = "The item will not be done, for a reason.")
    int drop(@Parameters(paramLabel = "ID", description = "The item, like INC-3-A1.") String id,
            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is dropped; recorded with the item.") String reason) {
        try (Session session = open()) {
            ActionItem item = session.engine.dropItem(session.actor, id, reason);
            return done(item, "Dropped " + item.id());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists action items by incident.")
    int list(@Option(names = "--status", paramLabel = "open|resolved|verified|dropped", description = "Only items in this status.") String status,
            @Option(names = "--service", paramLabel = "S", description = "Only items that guard this service.") String service,
            @Option(names = "--incident", paramLabel = "ID", description = "Only items of this incident.") String incident) {
        ItemStatus wanted = status == null ? null : ItemStatus.parse("status", status);
        String guarded = service == null ? null : Names.service("service", service);
        String incidentId = incident == null ? null : Ids.parseIncident("incident", incident);
        try (Session session = openToRead()) {
            RetroState state = session.engine.state();
            List<ActionItem> items = Listings.items(state, wanted, guarded, incidentId, Listings.AS_WRITTEN);
            if (items.isEmpty()) {
                out().line("No action items.");
            } else {
                Views.itemTable(items).forEach(out()::line);
            }
            out().document(Views.array(items, ModelJson::item));
            return ExitCode.OK;
        }
    }

    private int done(ActionItem item, String message) {
        out().line(message);
        out().document(ModelJson.item(item));
        return ExitCode.OK;
    }
}
