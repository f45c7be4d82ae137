package io.jenkins.plugins.retrogate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every sub-command shares: the global options, the output and the way to open the home. */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    RetroGateCli root() {
        return (RetroGateCli) spec.root().userObject();
    }

    Output out() {
        return root().output();
    }

    Session open() {
        return root().openSession();
    }

    @Override
    public final Integer call() throws Exception {
        return execute();
    }

    /** Does the work and returns the exit code; engine exceptions are mapped by {@link RetroGateCli}. */
    abstract int execute() throws Exception;
}
