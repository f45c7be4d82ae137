package io.jenkins.plugins.retrogate.engine.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A blocked deployment waiting for a release manager: raised by the gate when it blocks,
 * closed by an approval, a denial or expiry.
 */
public record OverrideRequest(String id, String service, String environment, @CheckForNull String buildUrl,
        @CheckForNull String requestedBy, Instant requestedAt, List<String> blockingItems, RequestStatus status,
        @CheckForNull String decidedBy, @CheckForNull Instant decidedAt, @CheckForNull String reason, @CheckForNull String overrideId) {

    public OverrideRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        blockingItems = List.copyOf(blockingItems == null ? List.of() : blockingItems);
    }

    public OverrideRequest decided(RequestStatus newStatus, String by, Instant at, @CheckForNull String why,
            @CheckForNull String override) {
        return new OverrideRequest(id, service, environment, buildUrl, requestedBy, requestedAt, blockingItems,
                newStatus, by, at, why, override);
    }
}
