package io.jenkins.plugins.retrogate.engine.policy;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.ActionItem;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.Names;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gate: a pure function of (state, policy, request). It reads an immutable state, does no I/O
 * and takes no lock, so the same input always yields the same decision and readers never wait.
 * What it finds comes from the policy's rules ({@link GatePolicy#findingRules()}); what it decides
 * comes from the kinds of those findings (blocking, warning) and the mode, and overrides.
 */
public final class GateEvaluator {
    private GateEvaluator() {
    }

    public static GateDecision evaluate(RetroState state, GatePolicy policy, GateRequest request) {
        boolean production = policy.isProduction(request.environment());
        List<String> rules = new ArrayList<>();
        GateMode mode = effectiveMode(policy, request, production, rules);
        if (mode == GateMode.OFF) {
            return decided(Decision.ALLOW, request, production, mode, List.of(), null, rules);
        }
        List<Finding> findings = findings(state, policy, request);
        boolean blocking = false;
        boolean warning = false;
        for (Finding finding : findings) {
            blocking |= finding.blocks();
            warning |= finding.warns();
        }
        if (blocking && mode == GateMode.BLOCK) {
            Optional<OverrideApproval> override = usableOverride(state, policy, request, rules);
            if (override.isPresent()) {
                return decided(Decision.OVERRIDDEN, request, production, mode, findings, override.get(), rules);
            }
            return decided(Decision.BLOCK, request, production, mode, findings, null, rules);
        }
        Decision decision = blocking || warning ? Decision.WARN : Decision.ALLOW;
        return decided(decision, request, production, mode, findings, null, rules);
    }

    /**
     * The first override covering the request that four eyes lets through: an override never lets
     * its own approver's deployment pass, whether the approval came before or after the request.
     */
    private static Optional<OverrideApproval> usableOverride(RetroState state, GatePolicy policy, GateRequest request,
            List<String> rules) {
        return usableOverride(state, policy.fourEyes(), request.service(), request.environment(), request.buildUrl(),
                request.at(), java.util.Collections.singletonList(request.requestedBy()), rules);
    }

    /**
     * The first override that lets a deployment of build {@code buildUrl} through at {@code at}: one
     * that covers it and, with four eyes, none of whose approvers is one of {@code requesters}. The gate and a
     * deployment's start ask the same question here. Overrides skipped for four eyes are noted in
     * {@code notes}.
     */
    public static Optional<OverrideApproval> usableOverride(RetroState state, boolean fourEyes, String service,
            String environment, @CheckForNull String buildUrl, java.time.Instant at, List<String> requesters, List<String> notes) {
        for (OverrideApproval override : state.overridesCovering(service, environment, buildUrl, at)) {
            String approver = fourEyes ? override.approvers().stream()
                    .filter(a -> requesters.stream().anyMatch(r -> Names.samePerson(a, r))).findFirst().orElse(null)
                    : null;
            if (approver != null) {
                notes.add("override " + override.id() + " not applied: " + approver
                        + " approved it and requests this deployment (four eyes)");
            } else {
                return Optional.of(override);
            }
        }
        return Optional.empty();
    }

    static GateMode effectiveMode(GatePolicy policy, GateRequest request, boolean production, List<String> rules) {
        GateMode mode;
        if (production) {
            PolicyRule rule = policy.ruleFor(request.service(), request.folder());
            mode = rule == null ? policy.productionMode() : rule.mode();
            rules.add(rule == null ? "production environment '" + request.environment() + "': " + mode
                    : "rule " + rule);
        } else {
            mode = policy.nonProductionMode();
            rules.add("environment '" + request.environment() + "' is not production: " + mode);
        }
        GateMode requested = request.requestedMode();
        if (requested != null && requested != mode) {
            if (requested.isStricterThan(mode) || policy.allowWeakerPipelineMode()) {
                rules.add("pipeline asked for " + requested);
                mode = requested;
            } else {
                rules.add("pipeline asked for " + requested + ", ignored: policy allows only stricter modes");
            }
        }
        return mode;
    }

    /**
     * What the policy's rules find: first about the service, then about each item guarding it (in
     * {@link RetroState#ITEM_ORDER}), each item's findings together in the order of the rules.
     */
    private static List<Finding> findings(RetroState state, GatePolicy policy, GateRequest request) {
        RuleContext context = new RuleContext(state, policy, request,
                LocalDate.ofInstant(request.at(), ZoneOffset.UTC));
        List<Finding> findings = new ArrayList<>();
        for (ServiceRule rule : policy.serviceRules()) {
            findings.addAll(rule.check(context));
        }
        ItemRule[] itemRules = policy.itemRules();
        for (ActionItem item : state.activeItemsGuarding(request.service())) {
            for (ItemRule rule : itemRules) {
                Finding finding = rule.check(item, context);
                if (finding != null) {
                    findings.add(finding);
                }
            }
        }
        return findings;
    }

    private static GateDecision decided(Decision decision, GateRequest request, boolean production, GateMode mode,
            List<Finding> findings, @CheckForNull OverrideApproval override, List<String> rules) {
        return new GateDecision(decision, request, production, mode, findings, override, rules);
    }
}
