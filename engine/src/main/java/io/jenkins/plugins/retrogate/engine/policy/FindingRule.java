package io.jenkins.plugins.retrogate.engine.policy;

/**
 * One rule of the gate, as data: the evaluator runs the rules the policy switches on
 * ({@link GatePolicy#findingRules()}), in order, and decides from the kinds of the findings they
 * return. A rule looks either at the service as a whole ({@link ServiceRule}: its incidents) or at
 * one action item guarding it ({@link ItemRule}). Adding a rule is one class, one line in
 * {@link FindingRules}, and the policy switch it reads in {@link #isOn}.
 */
public sealed interface FindingRule permits ServiceRule, ItemRule {
    /** Whether the policy switches this rule on; a rule that is off is never run. */
    boolean isOn(GatePolicy policy);
}
