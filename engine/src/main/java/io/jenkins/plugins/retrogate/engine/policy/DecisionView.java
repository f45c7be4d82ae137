package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.model.Ticket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gate decision as data, the same for every front-end: the value {@code retroGate} returns to a
 * pipeline, the JSON {@code retro-gate gate --json} prints. Plain maps, lists, strings and booleans
 * (safe in the Groovy sandbox, written as JSON as they are), keys in a fixed order:
 * <pre>
 * decision, allowed, service, environment, production, mode, message,
 * items:    [{id, incident, title, priority, type, status, owner, ticket, due, finding, blocks, rule}],
 * findings: [{kind, subject, rule, blocks}],
 * rules:    [text], override: id | null
 * </pre>
 * {@code items} names each item once, with its first finding (the gate lists blocking findings
 * first); {@code findings} holds every finding, the post-rollback freeze included.
 */
public final class DecisionView {
    private DecisionView() {
    }

    /** The view of {@code decision}: a new, mutable map the caller may add to. */
    public static Map<String, Object> of(GateDecision decision) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("decision", decision.decision().name());
        view.put("allowed", decision.allowed());
        view.put("service", decision.request().service());
        view.put("environment", decision.request().environment());
        view.put("production", decision.production());
        view.put("mode", decision.mode().name());
        view.put("message", decision.message());
        List<Object> items = new ArrayList<>();
        for (ActionItem item : decision.items()) {
            Finding first = decision.findings().stream().filter(f -> item.equals(f.item())).findFirst().orElseThrow();
            items.add(item(item, first, decision.findings().stream().anyMatch(f -> item.equals(f.item()) && f.blocks())));
        }
        view.put("items", items);
        List<Object> findings = new ArrayList<>();
        for (Finding finding : decision.findings()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", finding.kind().name());
            entry.put("subject", finding.subject());
            entry.put("rule", finding.rule());
            entry.put("blocks", finding.blocks());
            findings.add(entry);
        }
        view.put("findings", findings);
        view.put("rules", new ArrayList<>(decision.rules()));
        OverrideApproval override = decision.override();
        view.put("override", override == null ? null : override.id());
        return view;
    }

    private static Map<String, Object> item(ActionItem item, Finding finding, boolean blocks) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", item.id());
        map.put("incident", item.incidentId());
        map.put("title", item.title());
        map.put("priority", item.priority().name());
        map.put("type", item.type().name());
        map.put("status", item.status().name());
        map.put("owner", item.owner());
        Ticket ticket = item.ticket();
        LocalDate due = item.due();
        map.put("ticket", ticket == null ? null : ticket.key());
        map.put("due", due == null ? null : due.toString());
        map.put("finding", finding.kind().name());
        map.put("blocks", blocks);
        map.put("rule", finding.rule());
        return map;
    }
}
