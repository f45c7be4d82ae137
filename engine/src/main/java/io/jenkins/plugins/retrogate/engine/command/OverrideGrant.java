package io.jenkins.plugins.retrogate.engine.command;

import io.jenkins.plugins.retrogate.engine.wording.BlameWording;
import io.jenkins.plugins.retrogate.engine.wording.WordingHint;
import java.time.Duration;
import java.util.List;

/**
 * A release manager's approval: for one build ({@code buildUrl} set) or for the service and
 * environment during {@code window} (default and maximum: the policy's override window).
 */
public record OverrideGrant(String service, String environment, String buildUrl, String reason, Duration window) {

    /** Wording in the reason that blames a person, each with a systems-focused question. */
    public List<WordingHint> hints() {
        return BlameWording.check("reason", reason);
    }
}
