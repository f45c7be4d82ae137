package io.jenkins.plugins.retrogate.engine.command;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.BuildDecision;
import io.jenkins.plugins.retrogate.engine.model.Decision;
import io.jenkins.plugins.retrogate.engine.model.GatePassage;
import io.jenkins.plugins.retrogate.engine.model.OverrideApproval;
import io.jenkins.plugins.retrogate.engine.policy.GateEvaluator;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the gate said of a deployment as it starts, found by the engine, never taken from the caller:
 * the decision recorded for its build (same service, environment and build URL) when it let the build
 * through; OVERRIDDEN when the last decision was BLOCK and an override approved since covers the
 * build (four eyes: not one its approver asked for); otherwise a bypass — for a production deployment,
 * or any deployment the gate blocked — and a deployment outside production that never asked is UNGATED.
 * Starting a deployment and replaying its event both compute it here.
 */
record DeploymentGate(@CheckForNull Decision decision, GatePassage gate, @CheckForNull String overrideId,
        @CheckForNull String bypass) {

    static DeploymentGate of(RetroState state, boolean fourEyes, String service, String environment,
            @CheckForNull String buildUrl, boolean production, String deployer, Instant at) {
        Optional<BuildDecision> recorded = state.decisionFor(service, environment, buildUrl);
        if (recorded.isEmpty()) {
            if (!production) {
                return new DeploymentGate(null, GatePassage.UNGATED, null, null);
            }
            return new DeploymentGate(null, GatePassage.BYPASSED, null,
                    buildUrl == null ? GatePassage.NO_BUILD : GatePassage.NO_DECISION);
        }
        BuildDecision last = recorded.get();
        if (last.letThrough()) {
            return new DeploymentGate(last.decision(), GatePassage.PASSED, last.overrideId(), null);
        }
        Optional<OverrideApproval> override = GateEvaluator.usableOverride(state, fourEyes, service, environment,
                buildUrl, at, Arrays.asList(last.requestedBy(), deployer), new ArrayList<>());
        if (override.isPresent()) {
            return new DeploymentGate(Decision.OVERRIDDEN, GatePassage.PASSED, override.get().id(), null);
        }
        return new DeploymentGate(Decision.BLOCK, GatePassage.BYPASSED, null, GatePassage.BLOCKED);
    }
}
