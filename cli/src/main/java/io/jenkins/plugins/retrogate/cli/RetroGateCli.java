package io.jenkins.plugins.retrogate.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.retrogate.engine.command.RetroGate;
import io.jenkins.plugins.retrogate.engine.config.StoreLocation;
import io.jenkins.plugins.retrogate.engine.model.Actor;
import io.jenkins.plugins.retrogate.engine.model.InvalidInputException;
import io.jenkins.plugins.retrogate.engine.model.Permission;
import io.jenkins.plugins.retrogate.engine.model.RefusedException;
import io.jenkins.plugins.retrogate.engine.policy.GatePolicy;
import io.jenkins.plugins.retrogate.engine.store.Store;
import io.jenkins.plugins.retrogate.engine.store.StoreBackend;
import io.jenkins.plugins.retrogate.engine.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import io.jenkins.plugins.retrogate.engine.notify.NotificationTarget;
import io.jenkins.plugins.retrogate.engine.notify.Notifier;
import io.jenkins.plugins.retrogate.engine.notify.OverrideNotifications;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code retro-gate} command: global options, the sub-commands, and the mapping of outcomes to
 * exit codes (0 done or allowed, 2 bad input, 3 blocked, 4 refused, 5 store corrupted or locked,
 * 1 unexpected).
 */
@Command(name = "retro-gate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Blameless retrospectives that stick: incidents, action items and a deployment gate.",
        // the sub-commands are added by Subcommands, which builds only the one that runs
        footer = {"", "Exit codes: 0 done/allowed, 1 unexpected, 2 bad input, 3 blocked, 4 refused, 5 store corrupted or locked."})
public final class RetroGateCli implements Callable<Integer> {
    static final String HOME_VARIABLE = "RETRO_GATE_HOME";
    static final String ACTOR_VARIABLE = "RETRO_GATE_ACTOR";
    static final String LOCK_WAIT_VARIABLE = "RETRO_GATE_LOCK_WAIT";
    static final String STORE_VARIABLE = "RETRO_GATE_STORE";
    static final String STORE_PASSWORD_VARIABLE = "RETRO_GATE_STORE_PASSWORD";
    /** How long a command waits for other processes using the same home, unless told otherwise. */
    static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(5);

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The store's directory. Default: $RETRO_GATE_HOME, else the directory .retro-gate in the user's home.")
    Path home;

    @Option(names = "--store", paramLabel = "LOCATION", scope = ScopeType.INHERIT,
            description = "Where the events are kept: a directory, or a PostgreSQL database shared by many"
                    + " processes (postgresql://host:port/database?user=NAME). The policy and tracker files stay in"
                    + " the home. Default: $" + STORE_VARIABLE + ", else the home. Never put the password here:"
                    + " $" + STORE_PASSWORD_VARIABLE + " or --store-password-file.")
    String store;

    @Option(names = "--store-password-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A file holding the database password (its first line). Default: $"
                    + STORE_PASSWORD_VARIABLE + ".")
    Path storePasswordFile;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Write exactly one JSON document to stdout.")
    boolean json;

    @Option(names = "--actor", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Who is acting (default: $RETRO_GATE_ACTOR, else the OS user).")
    String actor;

    @Option(names = "--lock-wait", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "How long to wait for other retro-gate processes using the same home (they take turns),"
                    + " e.g. 90s, 5m, 0 to give up at once. Default: $" + LOCK_WAIT_VARIABLE + ", else 5m; at most 1h.")
    String lockWait;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;
    private Output output;
    /** Whether the command line has every sub-command ({@link Subcommands}), not only the one named. */
    private boolean whole;
    /** The parse needs more than the one sub-command built (an error, help, no sub-command): run again with all. */
    private boolean needsWhole;
    /** A command has started: whatever happens now is answered, never run again. */
    private boolean started;

    RetroGateCli(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.system()));
    }

    /** The command line for {@code root}, with the sub-command {@code args} name built (with {@code everything}: all). */
    static CommandLine commandLine(RetroGateCli root, String[] args, boolean everything) {
        CommandLine commandLine = new CommandLine(root);
        root.whole = Subcommands.add(commandLine, args, everything);
        return commandLine;
    }

    /** Runs the tool once and returns its exit code. */
    public static int run(String[] args, CliEnvironment environment) {
        Integer quick = QuickGate.run(args, environment);
        if (quick != null) {
            environment.out().flush();
            environment.err().flush();
            return quick;
        }
        return run(args, environment, new Object[0]);
    }

    /** Runs with picocli's model always, and further sub-commands (tests add one that fails unexpectedly). */
    static int run(String[] args, CliEnvironment environment, Object... moreCommands) {
        Integer code = attempt(args, environment, false, moreCommands);
        if (code == null) {
            code = attempt(args, environment, true, moreCommands);
        }
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    /**
     * Parses and runs {@code args} with the sub-command they name built ({@code everything}: all of them);
     * {@code null}, before anything ran or was printed, when that one is not enough to answer exactly as
     * the whole command line would: a parse error (its message may name the others), help or version
     * asked for anywhere, or no sub-command at all.
     */
    private static Integer attempt(String[] args, CliEnvironment environment, boolean everything, Object... moreCommands) {
        RetroGateCli root = new RetroGateCli(environment);
        CommandLine commandLine = commandLine(root, args, everything);
        for (Object command : moreCommands) {
            commandLine.addSubcommand(command);
        }
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            if (!root.whole && !root.started) {
                root.needsWhole = true;
                return ExitCode.UNEXPECTED;
            }
            return root.usageError(e, arguments);
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> root.failure(e, line.getCommandSpec()));
        commandLine.setExecutionStrategy(parsed -> {
            if (!root.whole && (!parsed.hasSubcommand() || parsed.asCommandLineList().stream()
                    .anyMatch(line -> line.isUsageHelpRequested() || line.isVersionHelpRequested()))) {
                root.needsWhole = true;
                return ExitCode.UNEXPECTED;
            }
            root.started = true;
            return root.execute(parsed);
        });
        int code = commandLine.execute(args);
        return root.needsWhole && !everything ? null : code;
    }

    /** Runs the command; with {@code --json}, help and version are a JSON document too. */
    private int execute(CommandLine.ParseResult parsed) {
        if (json) {
            for (CommandLine line : parsed.asCommandLineList()) {
                if (line.isUsageHelpRequested() || line.isVersionHelpRequested()) {
                    ObjectNode node = JsonNodeFactory.instance.objectNode();
                    node.put("command", line.getCommandSpec().qualifiedName());
                    if (line.isUsageHelpRequested()) {
                        node.put("help", line.getUsageMessage(CommandLine.Help.Ansi.OFF));
                    } else {
                        node.put("version", String.join("\n", line.getCommandSpec().version()));
                    }
                    output().document(node);
                    return ExitCode.OK;
                }
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }

    CliEnvironment environment() {
        return environment;
    }

    Output output() {
        if (output == null) {
            output = new Output(environment.out(), environment.err(), json, environment.colour());
        }
        return output;
    }

    /** The home: {@code --home}, else {@code $RETRO_GATE_HOME}, else {@code ~/.retro-gate}. */
    Path home() {
        if (home != null) {
            return home.toAbsolutePath().normalize();
        }
        String variable = environment.variable(HOME_VARIABLE);
        if (variable != null) {
            return Path.of(variable).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".retro-gate");
    }

    boolean homeGiven() {
        return home != null;
    }

    /** The wait for the home's lock: {@code --lock-wait}, else {@code $RETRO_GATE_LOCK_WAIT}, else 5 minutes. */
    Duration lockWait() {
        if (lockWait != null) {
            return Durations.parse("--lock-wait", lockWait, StoreLocation.MAX_LOCK_WAIT);
        }
        String variable = environment.variable(LOCK_WAIT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Durations.parse("$" + LOCK_WAIT_VARIABLE, variable, StoreLocation.MAX_LOCK_WAIT);
        }
        return DEFAULT_LOCK_WAIT;
    }

    /**
     * Where the events are kept: {@code --store}, else {@code $RETRO_GATE_STORE} (a relative directory
     * taken from the home), else the home itself.
     */
    StoreLocation storeLocation() {
        String given = store != null ? store : environment.variable(STORE_VARIABLE);
        if (given == null) {
            return StoreLocation.of(home());
        }
        String flag = store != null ? "--store" : "$" + STORE_VARIABLE;
        try {
            return StoreLocation.parse(given, home());
        } catch (InvalidInputException e) {
            throw new BadInputException(flag + ": " + e.getMessage());
        }
    }

    /**
     * The store as given by {@code --store} or {@code $RETRO_GATE_STORE} ({@code null}: the home's journal),
     * for a command line printed for someone else to run; it never holds a password (refused when read).
     */
    String storeGiven() {
        return store != null ? store : environment.variable(STORE_VARIABLE);
    }

    /** Whether the events are kept somewhere else than in the home's journal. */
    boolean storeElsewhere() {
        return store != null || environment.variable(STORE_VARIABLE) != null;
    }

    /** The database password: {@code --store-password-file}'s first line, else {@code $RETRO_GATE_STORE_PASSWORD}. */
    private String storePassword(StoreLocation location) {
        if (!location.isDatabase()) {
            return null;
        }
        if (storePasswordFile != null) {
            try {
                String password = Files.readAllLines(storePasswordFile).stream().findFirst().orElse("").strip();
                if (password.isEmpty()) {
                    throw new BadInputException("--store-password-file '" + storePasswordFile + "' is empty: write"
                            + " the database password on its first line");
                }
                return password;
            } catch (IOException e) {
                throw new BadInputException("--store-password-file '" + storePasswordFile + "' cannot be read ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
        }
        return environment.variable(STORE_PASSWORD_VARIABLE);
    }

    private StoreBackend backend(Duration wait) {
        StoreLocation location = storeLocation();
        // one command per process: a snapshot's history is decoded only if the command reads it
        return location.backend(wait, storePassword(location)).forOneCommand();
    }

    /** Where the events are kept, opened with the home's lock wait: the one way commands reach a store. */
    StoreBackend storeBackend() {
        return backend(lockWait());
    }

    /**
     * The backend for {@code verify} and {@code repair}: they wait for no other process, so a bad
     * {@code --lock-wait} never stands in the way of the recovery tools.
     */
    StoreBackend storeBackendToCheck() {
        return backend(Duration.ZERO);
    }

    /** The acting user, holding both engine permissions (four eyes still applies). */
    Actor actor() {
        String name = actor != null ? actor : environment.variable(ACTOR_VARIABLE);
        if (name == null) {
            name = environment.osUser();
        }
        return Actor.of(InvalidInputException.requireText("actor", name, 200), Permission.MANAGE, Permission.OVERRIDE);
    }

    /**
     * Opens the home for one command: checks actor, lock wait and policy first, then (with
     * {@code create}) creates and locks the store; without, a home that holds no store is refused. With
     * {@code readOnly} the store is shared with other readers and no file of the home is changed.
     */
    Session openSession(boolean create, boolean readOnly) {
        return openSession(create, readOnly, false);
    }

    /**
     * As {@link #openSession(boolean, boolean)}; with {@code leased}, the store is held only while each
     * command runs ({@link LeasedStore}), for work that waits on the network in between.
     */
    Session openSession(boolean create, boolean readOnly, boolean leased) {
        Actor who = actor();
        Duration wait = lockWait();
        if (home != null && home.toString().isBlank()) {
            throw new BadInputException("--home '' is empty: name the store's directory");
        }
        Path dir = home();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("--home '" + dir + "' is not a directory");
        }
        StoreBackend backend = backend(wait);
        if (!create && !backend.exists()) {
            throw new BadInputException("there is no Retro Gate store at " + backend.location() + " ("
                    + (storeElsewhere() ? "--store, $" + STORE_VARIABLE : "--home, $" + HOME_VARIABLE) + "): refusing to answer from an empty store. Create it with 'retro-gate init' (or any command that"
                    + " records something: deploy, rollback, incident open, import)");
        }
        GatePolicy policy = Policies.load(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.IO, "cannot create the home " + dir + ": " + e, e);
        }
        List<NotificationTarget> targets = readOnly ? List.of() : NotificationsFile.load(dir, environment.variables());
        Store store = leased ? new LeasedStore(backend) : readOnly ? backend.openReadOnly() : backend.open();
        RetroGate engine = new RetroGate(store, () -> policy, environment.clock());
        Session.Notifications notifications = targets.isEmpty() ? null : new Session.Notifications(
                OverrideNotifications.listen(engine, Notifier.of(targets, environment.clock())), backend, policy,
                environment.clock(), environment.err());
        return new Session(dir, policy, store, engine, who, notifications);
    }

    private int usageError(ParameterException e, String[] arguments) {
        boolean jsonMode = json || Arrays.asList(arguments).contains("--json");
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        Output out = new Output(environment.out(), environment.err(), jsonMode);
        out.error(command + ": " + e.getMessage());
        out.error("Run '" + command + " --help' for usage.");
        out.document(error(ExitCode.BAD_INPUT, "usage", e.getMessage()));
        return ExitCode.BAD_INPUT;
    }

    int failure(Exception e, CommandSpec command) {
        Output out = output();
        String name = command.qualifiedName();
        int code;
        String kind;
        String message;
        if (e instanceof InvalidInputException invalid) {
            code = ExitCode.BAD_INPUT;
            kind = "invalid-input";
            message = Flags.describe(invalid, command);
        } else if (e instanceof BadInputException bad) {
            code = ExitCode.BAD_INPUT;
            kind = "invalid-input";
            message = bad.getMessage();
        } else if (e instanceof RefusedException) {
            code = ExitCode.REFUSED;
            kind = "refused";
            message = e.getMessage();
        } else if (e instanceof StoreException store) {
            code = ExitCode.STORE;
            kind = "store-" + store.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            message = e.getMessage();
        } else {
            code = ExitCode.UNEXPECTED;
            kind = "unexpected";
            message = String.valueOf(e);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            out.error(name + ": unexpected error, please report it with this trace:");
            out.error(trace.toString().stripTrailing());
        }
        if (code != ExitCode.UNEXPECTED) {
            out.error(name + ": " + message);
        }
        if (code == ExitCode.BAD_INPUT || code == ExitCode.REFUSED) {
            out.error("Nothing was changed.");
        }
        if (!out.documentWritten()) {
            out.document(error(code, kind, message));
        }
        return code;
    }

    private static ObjectNode error(int code, String kind, String message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putObject("error").put("exitCode", code).put("kind", kind).put("message", message);
        return node;
    }

    /** Renders a value for a command line a user can copy. */
    static String quote(String value) {
        if (value.matches("[A-Za-z0-9_./:=@%+-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
