package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/** A successful production deployment proved an item's fix. */
public record ItemVerified(Instant at, String actor, String itemId, String deploymentId) implements Event {
}
