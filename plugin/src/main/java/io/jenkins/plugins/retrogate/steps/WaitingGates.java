package io.jenkins.plugins.retrogate.steps;

import hudson.Extension;
import io.jenkins.plugins.retrogate.ui.OverrideListener;

/**
 * The {@code retroGate} steps waiting for an override: when a release manager answers a request on
 * its page, each looks at its own request again ({@link RetroGateExecution#wakeAll()}).
 */
@Extension
public final class WaitingGates implements OverrideListener {

    @Override
    public void onAnswered(String requestId) {
        RetroGateExecution.wakeAll();
    }
}
