package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.model.CanonicalTime;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warns while the retrospective of an incident of the service is overdue: not REVIEWED more than the
 * policy's {@code retroDueDays} after the incident was detected. It never blocks: the lessons are late,
 * the deployment is not the problem. Off with {@code retroDueDays} 0. The incidents looked at are those
 * {@link StaleIncidentRule#watched} names.
 */
final class OverdueRetroRule implements ServiceRule {
    @Override
    public boolean isOn(GatePolicy policy) {
        return policy.retroDueDays() > 0;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>(1);
        for (Incident incident : StaleIncidentRule.watched(context)) {
            overdue(incident, context).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> overdue(Incident incident, RuleContext context) {
        int days = context.policy().retroDueDays();
        Duration age = Duration.between(incident.detectedAt(), context.request().at());
        if (incident.status() == IncidentStatus.REVIEWED || age.compareTo(Duration.ofDays(days)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Finding.Kind.OVERDUE_RETRO, null, incident.id(), "retrospective overdue: "
                + incident.id() + " was detected " + age.toDays() + " days ago (" + CanonicalTime.text(incident.detectedAt())
                + ") and is not REVIEWED yet; retroDueDays is " + days));
    }
}
