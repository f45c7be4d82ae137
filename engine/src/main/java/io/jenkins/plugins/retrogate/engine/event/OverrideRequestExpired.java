package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/** Nobody decided an override request in time (the waiting pipeline timed out). */
public record OverrideRequestExpired(Instant at, String actor, String requestId) implements Event {
}
