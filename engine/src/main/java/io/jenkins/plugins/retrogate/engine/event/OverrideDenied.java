package io.jenkins.plugins.retrogate.engine.event;

import java.time.Instant;

/** A release manager ({@code actor}) denied an override request. */
public record OverrideDenied(Instant at, String actor, String requestId, String reason) implements Event {
}
