package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.store.Store;
import java.nio.file.Path;

/**
 * One command's use of a home: its policy, its open store (locked against other processes until
 * {@link #close}, which writes a snapshot when the store's own rule asks for one), the engine over them and the acting user. The CLI user holds both engine
 * permissions; four eyes still applies.
 */
final class Session implements AutoCloseable {
    final Path home;
    final GatePolicy policy;
    final Store store;
    final RetroGate engine;
    final Actor actor;

    Session(Path home, GatePolicy policy, Store store, RetroGate engine, Actor actor) {
        this.home = home;
        this.policy = policy;
        this.store = store;
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public void close() {
        store.close();
    }
}
