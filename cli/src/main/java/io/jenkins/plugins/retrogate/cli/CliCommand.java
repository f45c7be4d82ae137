package io.jenkins.plugins.retrogate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every sub-command shares: the global options, the output and the way to open the home. */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    /** The root when the command runs without picocli's model ({@link QuickGate}); else picocli's. */
    RetroGateCli parent;

    RetroGateCli root() {
        return parent != null ? parent : (RetroGateCli) spec.root().userObject();
    }

    Output out() {
        return root().output();
    }

    /** The zone local dates and times given on the command line are read in: the tool clock's. */
    java.time.ZoneId zone() {
        return root().environment().clock().getZone();
    }

    /** Opens the home, creating the store if there is none yet (commands that record something). */
    Session open() {
        return root().openSession(true, false);
    }

    /**
     * Opens a store that must already exist (the gate and the read commands): a mistyped or missing
     * home is refused, never answered from an empty store created on the spot — the gate fails closed.
     */
    Session openExisting() {
        return root().openSession(false, false);
    }

    /**
     * Opens the home (creating the store if there is none) holding its store only while each command
     * runs: for work that waits on the network between commands, so other pipelines are not kept out.
     */
    Session openLeased() {
        return root().openSession(true, false, true);
    }

    /**
     * Opens an existing store to read it (the list, show, report and export commands): shared with
     * other readers, and no file of the home is changed — not even a torn tail cut.
     */
    Session openToRead() {
        return root().openSession(false, true);
    }

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    /** Does the work and returns the exit code; engine exceptions are mapped by {@link RetroGateCli}. */
    abstract int execute() throws Exception;
}
