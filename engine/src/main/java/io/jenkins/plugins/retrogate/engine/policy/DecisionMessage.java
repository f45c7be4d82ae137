package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.util.ArrayList;
import java.util.List;

/** Renders a decision as the text users read in the log, the panel and the CLI. */
final class DecisionMessage {
    private DecisionMessage() {
    }

    static String render(Decision decision, GateRequest request, GateMode mode, List<Finding> findings,
            @CheckForNull OverrideApproval override, List<String> rules) {
        StringBuilder text = new StringBuilder();
        String target = request.service() + " → " + request.environment();
        switch (decision) {
            case ALLOW -> text.append("ALLOW: ").append(target)
                    .append(mode == GateMode.OFF ? " (gate off)" : ": no open blocking action items");
            case WARN -> text.append("WARN: ").append(target).append(" may deploy, but:");
            case BLOCK -> text.append("BLOCK: ").append(target).append(" is blocked until these are fixed or an override is approved:");
            case OVERRIDDEN -> text.append("OVERRIDDEN: ").append(target).append(" is blocked, but override ")
                    .append(override.id()).append(" approved by ").append(String.join(", ", override.approvers()))
                    .append(" (").append(override.reason()).append(") lets it through until ")
                    .append(override.expiresAt()).append(':');
            default -> throw new IllegalStateException(decision.name());
        }
        boolean blocked = decision == Decision.BLOCK || decision == Decision.OVERRIDDEN;
        List<Finding> information = new ArrayList<>();
        for (Finding finding : findings) {
            if (!blocked || finding.blocks()) {
                line(text, finding);
            } else {
                information.add(finding);
            }
        }
        if (!information.isEmpty()) {
            text.append("\nFor information (these do not block):");
            information.forEach(finding -> line(text, finding));
        }
        for (String rule : rules) {
            if (isNote(rule)) {
                text.append("\nNote: ").append(rule);
            }
        }
        return text.toString();
    }

    /** The rules a reader must be told about: a pipeline's mode ignored, an override not applied. */
    private static boolean isNote(String rule) {
        return (rule.startsWith("pipeline asked for ") && rule.contains(", ignored: "))
                || (rule.startsWith("override ") && rule.contains(" not applied: "));
    }

    private static void line(StringBuilder text, Finding finding) {
        text.append("\n  - ");
        ActionItem item = finding.item();
        if (item != null) {
            text.append(describe(item)).append(": ");
        }
        text.append(finding.rule());
    }

    private static String describe(ActionItem item) {
        StringBuilder text = new StringBuilder(item.id()).append(' ').append(item.priority()).append(" '")
                .append(item.title()).append('\'');
        if (item.owner() != null) {
            text.append(" owner ").append(item.owner());
        }
        Ticket ticket = item.ticket();
        if (ticket != null) {
            text.append(" ticket ").append(ticket.key());
        }
        return text.toString();
    }
}
