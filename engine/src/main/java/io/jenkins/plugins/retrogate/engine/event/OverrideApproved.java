package io.jenkins.plugins.retrogate.engine.event;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.retrogate.engine.model.OverrideScope;
import java.time.Instant;
import java.util.List;

/** A release manager ({@code actor}) approved an override, answering the pending requests it covers. */
public record OverrideApproved(Instant at, String actor, String overrideId, List<String> requestIds, OverrideScope scope,
        String service, String environment, @CheckForNull String buildUrl,
        @CheckForNull String requestedBy, String reason, Instant expiresAt)
        implements Event {
    public OverrideApproved {
        requestIds = List.copyOf(requestIds == null ? List.of() : requestIds);
    }
}
