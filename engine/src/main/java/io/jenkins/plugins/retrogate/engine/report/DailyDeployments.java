package io.jenkins.plugins.retrogate.engine.report;

import java.time.LocalDate;

/** Production deployments that ended on one UTC day: the deployment-frequency chart's bars. */
public record DailyDeployments(LocalDate day, int succeeded, int failed) {
}
