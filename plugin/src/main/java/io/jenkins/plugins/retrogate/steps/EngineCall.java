package io.jenkins.plugins.retrogate.steps;

import hudson.AbortException;
import io.jenkins.plugins.retrogate.config.RetroGateStore;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.RetroGateException;

/** Runs a step's work against the engine; the engine's messages fail the step without a stack trace. */
final class EngineCall {
    @FunctionalInterface
    interface Work<T> {
        T call(RetroGate engine) throws Exception;
    }

    private EngineCall() {
    }

    static <T> T run(Work<T> work) throws Exception {
        try {
            return work.call(RetroGateStore.get().engine());
        } catch (RetroGateException | RetroGateStore.StoreUnavailableException e) {
            throw new AbortException(e.getMessage());
        }
    }
}
