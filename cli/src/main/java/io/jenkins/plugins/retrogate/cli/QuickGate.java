package io.jenkins.plugins.retrogate.cli;

import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.store.StoreWarmUp;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gate} run without building picocli's model when its command line is plain, as a pipeline
 * writes it: the root's options, then {@code gate} and its options (the root's may follow too), each
 * option known, given once (but {@code --change-ticket}) and followed by its value, or joined to it by
 * {@code =}; no value that is empty, begins with {@code -} or {@code @} or names a sub-command, both
 * required options there, and no {@code picocli.*} system property that changes how picocli reads. Building
 * the model takes longer than the gate itself on a small store. Anything else is left to picocli
 * ({@code null}), which reads it, or names what is wrong, exactly as before: {@code QuickGateTest} holds
 * the two to the same fields for every command line this one reads, and to the same output for the
 * same run.
 */
final class QuickGate {
    static final String COMMAND = "gate";
    private static final String JSON = "--json";
    private static final String CHANGE_TICKET = "--change-ticket";
    /** The root's options that take a value (all of them inherited by {@code gate}). */
    static final Set<String> ROOT = Set.of("--home", "--store", "--store-password-file", "--actor", "--lock-wait");
    /** {@code gate}'s own options that take one value, but {@code --change-ticket}. */
    static final Set<String> GATE = Set.of("--service", "--environment", "--build-url", "--requested-by", "--folder",
            "--mode");

    private QuickGate() {
    }

    /** Every option this reads: the root's, {@code --json}, {@code gate}'s own. */
    static Set<String> options() {
        Set<String> all = new HashSet<>(ROOT);
        all.addAll(GATE);
        all.add(JSON);
        all.add(CHANGE_TICKET);
        return all;
    }

    /** Runs {@code args} when they are a plain gate; {@code null} (nothing done) otherwise. */
    static Integer run(String[] args, CliEnvironment environment) {
        GateCommand gate = parse(args, environment);
        if (gate == null) {
            return null;
        }
        // while this thread checks the flags, finds the home and takes the store's lock, a second one loads
        // the policy's defaults and what reading the store needs: on a spare core the two overlap
        Thread warmUp = new Thread(new WarmUp(), "retro-gate-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        try {
            return gate.call();
        } catch (Exception e) {
            // as picocli hands a command's failure on; its model is built now, for the names in the message
            CommandSpec spec = RetroGateCli.commandLine(new RetroGateCli(environment), args, false)
                    .getSubcommands().get(COMMAND).getCommandSpec();
            return gate.root().failure(e, spec);
        }
    }

    /** Sets the option {@code name} of the root or of the gate (lambdas would cost a short run their linking). */
    private static void set(RetroGateCli root, GateCommand gate, String name, String value) {
        switch (name) {
            case "--home" -> root.home = Path.of(value);
            case "--store" -> root.store = value;
            case "--store-password-file" -> root.storePasswordFile = Path.of(value);
            case "--actor" -> root.actor = value;
            case "--lock-wait" -> root.lockWait = value;
            case "--service" -> gate.service = value;
            case "--environment" -> gate.environment = value;
            case "--build-url" -> gate.buildUrl = value;
            case "--requested-by" -> gate.requestedBy = value;
            case "--folder" -> gate.folder = value;
            case "--mode" -> gate.mode = value;
            case CHANGE_TICKET -> gate.changeTickets.add(value);
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** The gate {@code args} ask for, its root set as picocli sets them; {@code null} when they are not plain. */
    static GateCommand parse(String[] args, CliEnvironment environment) {
        if (QuickAnswers.picocliConfigured()) {
            return null; // picocli.trimQuotes, picocli.trace...: picocli reads or says more than this does
        }
        RetroGateCli root = new RetroGateCli(environment);
        GateCommand gate = null;
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (gate == null && arg.equals(COMMAND)) {
                gate = new GateCommand();
                continue;
            }
            if (!arg.startsWith("--")) {
                return null;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!given.add(name) && !(gate != null && name.equals(CHANGE_TICKET))) {
                return null; // given twice: picocli says so
            }
            if (name.equals(JSON)) {
                if (equals >= 0) {
                    return null;
                }
                root.json = true;
                continue;
            }
            boolean rootOption = ROOT.contains(name);
            if (!rootOption && !(gate != null && (GATE.contains(name) || name.equals(CHANGE_TICKET)))) {
                return null;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.startsWith("-") || value.startsWith("@") || Subcommands.ALL.containsKey(value)) {
                return null; // picocli takes these for something else, or refuses them as values
            }
            try {
                set(root, gate, name, value);
            } catch (InvalidPathException e) {
                return null;
            }
        }
        if (gate == null || gate.service == null || gate.environment == null) {
            return null;
        }
        gate.parent = root;
        return gate;
    }

    /** What a gate loads besides its own code (a class, not a lambda: no call site to link first). */
    private static final class WarmUp implements Runnable {
        @Override
        public void run() {
            if (GatePolicy.defaults() != null) {
                StoreWarmUp.reading(); // whether it worked shows when the store is read
            }
        }
    }
}
