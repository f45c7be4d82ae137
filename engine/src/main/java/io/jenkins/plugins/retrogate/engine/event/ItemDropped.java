package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/** An item will not be done, for the stated reason. */
public record ItemDropped(Instant at, String actor, String itemId, String reason) implements Event {
}
