package io.jenkins.plugins.retrogate.engine.policy;

import io.jenkins.plugins.retrogate.engine.model.CanonicalTime;
import io.jenkins.plugins.retrogate.engine.model.Incident;
import io.jenkins.plugins.retrogate.engine.model.IncidentStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocks while an incident of the service has stayed OPEN — not yet MITIGATED, RESOLVED or REVIEWED —
 * for more than the policy's {@code staleIncidentDays} since it was detected: a failure nobody has
 * even mitigated in that time should not have more changes shipped on top of it. Off by default
 * ({@code staleIncidentDays} 0). The incidents looked at are the service's open incident (the one its
 * rollbacks attach to) and the incident of its latest rollback, both read from the state's indexes.
 */
final class StaleIncidentRule implements ServiceRule {
    @Override
    public boolean isOn(GatePolicy policy) {
        return policy.staleIncidentDays() > 0;
    }

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>(1);
        for (Incident incident : watched(context)) {
            stale(incident, context).ifPresent(findings::add);
        }
        return findings;
    }

    /**
     * The incidents of the request's service that rules about incidents look at: its open incident (the
     * one its rollbacks attach to) and the incident of its latest rollback, once each, from the indexes.
     */
    static List<Incident> watched(RuleContext context) {
        String service = context.request().service();
        Optional<Incident> open = context.state().openIncidentOf(service);
        Optional<Incident> rolledBack = context.state().latestRollbackIncidentOf(service)
                .filter(incident -> open.isEmpty() || !open.get().id().equals(incident.id()));
        List<Incident> watched = new ArrayList<>(2);
        open.ifPresent(watched::add);
        rolledBack.ifPresent(watched::add);
        return watched;
    }

    private static Optional<Finding> stale(Incident incident, RuleContext context) {
        int days = context.policy().staleIncidentDays();
        Duration age = Duration.between(incident.detectedAt(), context.request().at());
        if (incident.status() != IncidentStatus.OPEN || age.compareTo(Duration.ofDays(days)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Finding.Kind.STALE_INCIDENT, null, incident.id(), "stale incident: "
                + incident.id() + " has been OPEN for " + age(age) + " since it was detected ("
                + CanonicalTime.text(incident.detectedAt()) + "), more than staleIncidentDays (" + days
                + "); it blocks until the incident is MITIGATED, RESOLVED or REVIEWED"));
    }

    /** {@code 9 days}, {@code 7 days 5 hours}. */
    private static String age(Duration age) {
        long days = age.toDays();
        int hours = age.toHoursPart();
        return days + (days == 1 ? " day" : " days") + (hours == 0 ? "" : " " + hours + (hours == 1 ? " hour" : " hours"));
    }
}
