package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.time.Instant;
import java.util.List;

/** An incident opened by hand. {@code detectedAt} defaults to now, {@code detection} to MANUAL. */
public record NewIncident(String title, Severity severity, List<String> services, Detection detection,
        Instant detectedAt) {
}
