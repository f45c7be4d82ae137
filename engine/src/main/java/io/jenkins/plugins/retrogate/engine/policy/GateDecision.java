package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the gate decided for one request and exactly why: the findings (items and rules), the
 * effective mode and the policy rules that set it, the override that let it through, and a
 * message rendered the same everywhere (log, panel, CLI, JSON).
 *
 * @param rules the policy decisions that produced the mode, in the order they were applied
 */
public record GateDecision(Decision decision, GateRequest request, boolean production, GateMode mode,
        List<Finding> findings, @CheckForNull OverrideApproval override, List<String> rules) {

    public GateDecision {
        Objects.requireNonNull(decision, "decision");
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    /**
     * The decision in words, with every finding on its own line. Rendered from the other
     * components when asked (the gate itself never needs the text), so it is always the same for the
     * same decision.
     */
    public String message() {
        return DecisionMessage.render(decision, request, mode, findings, override, rules);
    }

    public boolean allowed() {
        return decision.allowed();
    }

    /** Findings of the given kinds, in order. */
    public List<Finding> findings(Finding.Kind... kinds) {
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            for (Finding.Kind kind : kinds) {
                if (finding.kind() == kind) {
                    result.add(finding);
                }
            }
        }
        return result;
    }

    /** The items whose findings block, what a BLOCK lists (a finding about an incident, the freeze, names none). */
    public List<ActionItem> blockingItems() {
        return findings.stream().filter(f -> f.blocks() && f.item() != null).map(Finding::item).toList();
    }

    /** Every item the decision names, blocking first, each once. */
    public List<ActionItem> items() {
        List<ActionItem> result = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.item() != null && !result.contains(finding.item())) {
                result.add(finding.item());
            }
        }
        return result;
    }
}
