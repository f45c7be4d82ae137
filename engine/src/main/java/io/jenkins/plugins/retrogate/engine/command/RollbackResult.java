package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.model.Incident;
import java.util.List;

/**
 * What a rollback did: the incident it opened (or extended: {@code opened} false), the rolled-back
 * deployment, items whose fix it carried and that are open again, and earlier incidents that look similar.
 * A rollback outside production opens no incident unless the policy says so: {@code incident} is then
 * {@code null} and {@code noIncident} says why, in words to show as they are.
 */
public record RollbackResult(Incident incident, boolean opened, String deploymentId, List<String> reopened,
        List<SimilarIncident> similar, String noIncident) {
    public RollbackResult {
        reopened = List.copyOf(reopened);
        similar = List.copyOf(similar);
    }
}
