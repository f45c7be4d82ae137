package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.DeploymentRef;
import io.jenkins.plugins.retrogate.engine.model.Detection;
import io.jenkins.plugins.retrogate.engine.model.Severity;
import java.time.Instant;
import java.util.List;

/** An incident was opened, by hand or by a rollback ({@code rollback} set). */
public record IncidentOpened(Instant at, String actor, String incidentId, String title, @CheckForNull Severity severity,
        List<String> services, Detection detection, Instant detectedAt, @CheckForNull DeploymentRef trigger,
        @CheckForNull DeploymentRef rollback, @CheckForNull String signature) implements Event {
    public IncidentOpened {
        services = List.copyOf(services);
    }
}
