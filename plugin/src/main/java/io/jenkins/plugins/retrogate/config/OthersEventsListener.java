package io.jenkins.plugins.retrogate.config;

import hudson.ExtensionPoint;

/**
 * Told when events recorded by another process (another controller, the command-line tool) sharing the
 * store's database have reached this controller's state, e.g. an override approved elsewhere, so that
 * whatever waits for them looks again. Never called for a journal, which only this controller writes.
 */
public interface OthersEventsListener extends ExtensionPoint {

    /** Called on a Jenkins timer thread, not the store's: return quickly all the same. */
    void onOthersEvents();
}
