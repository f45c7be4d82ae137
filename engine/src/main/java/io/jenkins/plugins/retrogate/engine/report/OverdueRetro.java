package io.jenkins.plugins.retrogate.engine.report;

import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import io.jenkins.plugins.retrogate.engine.state.RetroState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An incident whose retrospective is overdue: not REVIEWED more than the policy's {@code retroDueDays}
 * after it was detected ({@code daysSinceDetection} whole days ago).
 */
public record OverdueRetro(String incidentId, String title, List<String> services, Instant detectedAt,
        long daysSinceDetection) {
    public OverdueRetro {
        services = List.copyOf(services);
    }

    /** The overdue retrospectives at {@code now}, oldest first ({@code service}: of that service only); none at 0 days. */
    public static List<OverdueRetro> of(RetroState state, Instant now, int dueDays, String service) {
        List<OverdueRetro> overdue = new ArrayList<>();
        if (dueDays <= 0) {
            return overdue;
        }
        for (Incident incident : state.incidents().values()) {
            Duration age = Duration.between(incident.detectedAt(), now);
            if (incident.status() != IncidentStatus.REVIEWED && age.compareTo(Duration.ofDays(dueDays)) > 0
                    && (service == null || incident.affects(service))) {
                overdue.add(new OverdueRetro(incident.id(), incident.title(), incident.affectedServices(),
                        incident.detectedAt(), age.toDays()));
            }
        }
        overdue.sort(Comparator.comparing(OverdueRetro::detectedAt).thenComparing(OverdueRetro::incidentId));
        return overdue;
    }
}
