package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.model.Decision;
import java.time.Instant;

/**
 * A production deployment of the report's period that went out without a gate decision that let it
 * through, as the report lists it.
 *
 * @param decision the decision recorded for its build ({@code BLOCK}), {@code null} when there was none
 * @param reason   why it counts as a bypass
 */
public record Bypass(String deploymentId, String service, String environment, String buildUrl, String version,
        Instant startedAt, String requestedBy, Decision decision, String reason) {
}
