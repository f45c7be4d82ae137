package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.LocalDate;

/**
 * What a gate rule may look at: the state, the policy and the request, and the request's day (UTC),
 * computed once per decision. Everything in it is immutable, so rules stay pure functions.
 */
public record RuleContext(RetroState state, GatePolicy policy, GateRequest request, LocalDate today) {
}
