package io.jenkins.plugins.retrogate.engine.report;

import java.time.Duration;

/**
 * The DORA figures of one service over the report's period, counting production only: production
 * deployments, production rollbacks and the incidents of production failures.
 *
 * @param deployments        production deployments that ended (any outcome)
 * @param failed             of those, the ones that FAILED or were ROLLED_BACK
 * @param deploymentsPerDay  successful production deployments per day of the period (deployment frequency)
 * @param changeFailureRate  failed / deployments, {@code null} without deployments
 * @param incidents          production incidents affecting the service detected in the period (not those a
 *                           rollback outside production opened, when the policy lets it)
 * @param medianTimeToRestore median time from detection to the first mitigation (or MITIGATED/RESOLVED), {@code null} when none was restored
 * @param bypassed           production deployments started in the period that bypassed the gate
 */
public record ServiceFigures(String service, int deployments, int succeeded, int failed, double deploymentsPerDay,
        Double changeFailureRate, int incidents, int restored, Duration medianTimeToRestore, int bypassed) {
}
