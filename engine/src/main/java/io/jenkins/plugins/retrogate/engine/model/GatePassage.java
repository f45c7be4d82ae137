package io.jenkins.plugins.retrogate.engine.model;

/**
 * How a deployment went past the gate. A deployment never decides this itself: the engine looks up
 * the gate decision recorded for the deployment's build (service, environment, build URL) when the
 * deployment starts.
 */
public enum GatePassage {
    /**
     * A decision recorded for its build let it through: ALLOW, WARN or OVERRIDDEN, or a BLOCK that an
     * override approved since covers.
     */
    PASSED,
    /**
     * Nothing let it through: a production deployment whose build has no gate decision, or a deployment
     * whose build the gate blocked without an override covering it. The deployment says why.
     */
    BYPASSED,
    /** Not production, and no gate decision was recorded for its build: there was nothing to pass. */
    UNGATED;

    /** Why a deployment bypassed the gate: its build never asked. */
    public static final String NO_DECISION = "no gate decision for this build";
    /** Why a deployment bypassed the gate: it names no build, so no decision can be tied to it. */
    public static final String NO_BUILD = "no gate decision for this build: the deployment names no build URL";
    /** Why a deployment bypassed the gate: the last decision for its build was BLOCK. */
    public static final String BLOCKED = "the gate blocked this build and no override was approved";
}
