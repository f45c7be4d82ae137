package io.jenkins.plugins.retrogate.steps;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;
import io.jenkins.plugins.retrogate.security.Actors;
import io.jenkins.plugins.retrogate.ui.GateRecord;
import io.jenkins.plugins.retrogate.ui.RetroGateBuildAction;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;

/**
 * A build that ended can no longer use an override: its PENDING requests expire, so that release
 * managers are not asked to approve what cannot help any more, and the build's panel shows how each
 * request ended. Runs off the thread that finalises the build.
 */
@Extension
public final class EndedBuilds extends RunListener<Run<?, ?>> {
    private static final Logger LOGGER = Logger.getLogger(EndedBuilds.class.getName());

    @Override
    public void onFinalized(Run<?, ?> run) {
        RetroGateBuildAction action = RetroGateBuildAction.of(run);
        if (action != null && action.getGates().stream().anyMatch(gate -> gate.getRequestId() != null)) {
            Timer.get().submit(() -> closeRequests(run));
        }
    }

    static void closeRequests(Run<?, ?> run) {
        try {
            RetroGate engine = RetroGateStore.get().engine();
            engine.closeRequestsOfBuild(Actors.build(run), run.getUrl());
            var state = engine.state();
            RetroGateBuildAction.update(run, action -> {
                for (GateRecord gate : action.getGates()) {
                    if ("PENDING".equals(gate.getRequestStatus())) {
                        state.request(gate.getRequestId()).ifPresent(gate::request);
                    }
                }
            });
        } catch (RetroGateException | RetroGateStore.StoreUnavailableException | java.io.IOException e) {
            LOGGER.log(Level.WARNING, "Could not close the override requests of " + run.getExternalizableId()
                    + "; they stay PENDING until a release manager answers them", e);
        }
    }
}
