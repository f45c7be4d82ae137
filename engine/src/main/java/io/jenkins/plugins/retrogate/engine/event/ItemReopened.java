package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/** A resolved item's fix did not hold. */
public record ItemReopened(Instant at, String actor, String itemId, String reason) implements Event {
}
