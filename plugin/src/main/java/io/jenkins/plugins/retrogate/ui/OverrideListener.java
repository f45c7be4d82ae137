package io.jenkins.plugins.retrogate.ui;

import hudson.ExtensionPoint;

/**
 * Told when a release manager has answered on an override request's page (approved it, approved a
 * window for its service, denied it), so that whatever waits for the answer looks again. The
 * pipeline steps implement it; the pages know nothing of them.
 */
public interface OverrideListener extends ExtensionPoint {

    /** Called after the answer to {@code requestId} was recorded, on the request's thread: return quickly. */
    void onAnswered(String requestId);
}
