package io.jenkins.plugins.retrogate.engine.command;

import java.time.Duration;

/**
 * A release manager's approval: for one build ({@code buildUrl} set) or for the service and
 * environment during {@code window} (default and maximum: the policy's override window).
 */
public record OverrideGrant(String service, String environment, String buildUrl, String reason, Duration window) {
}
