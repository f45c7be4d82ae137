package io.jenkins.plugins.retrogate.steps;

import hudson.Extension;
import io.jenkins.plugins.retrogate.config.OthersEventsListener;
import io.jenkins.plugins.retrogate.ui.OverrideListener;

/**
 * The {@code retroGate} steps waiting for an override: when a release manager answers a request on
 * its page, or an answer recorded by another controller or the command-line tool arrives through a
 * shared database, each looks at its own request again ({@link RetroGateExecution#wakeAll()}).
 */
@Extension
public final class WaitingGates implements OverrideListener, OthersEventsListener {

    @Override
    public void onAnswered(String requestId) {
        RetroGateExecution.wakeAll();
    }

    @Override
    public void onOthersEvents() {
        RetroGateExecution.wakeAll();
    }
}
