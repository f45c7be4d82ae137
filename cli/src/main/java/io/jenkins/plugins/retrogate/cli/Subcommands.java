package io.jenkins.plugins.retrogate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The sub-commands, built only when they run. picocli builds the model of every sub-command it is given
 * (reflection over each class, its options and their types) before it parses anything: half the start-up
 * of a {@code gate}. So the command line the user typed is looked at first: the one sub-command named gets
 * its whole model, the others only a name and the lines {@code --help} lists them with. A command line
 * that could mean anything else ({@code help gate}, {@code generate-completion}, an {@code @argfile}) gets
 * every model, as does a parse that lands on an outline after all ({@link #isOutline}).
 */
final class Subcommands {
    /** In the order {@code --help} lists them. */
    private static final Map<String, Class<?>> ALL = new LinkedHashMap<>();

    static {
        for (Class<?> type : new Class<?>[] {InitCommand.class, GateCommand.class, DeployCommand.class,
                RollbackCommand.class, IncidentCommand.class, ItemCommand.class, OverrideCommand.class,
                ReportCommand.class, ExportCommand.class, ImportCommand.class, TrackerCommand.class,
                VerifyCommand.class, RepairCommand.class, PolicyCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class, AutoComplete.GenerateCompletion.class}) {
            ALL.put(type.getAnnotation(Command.class).name(), type);
        }
    }

    private Subcommands() {
    }

    /** Adds the sub-commands to {@code root}: in full the one {@code args} names (all of them with {@code everything}). */
    static void add(CommandLine root, String[] args, boolean everything) {
        String named = everything ? null : named(root.getCommandSpec(), args);
        boolean all = everything || "@".equals(named) || ALL.get(named) == CommandLine.HelpCommand.class
                || ALL.get(named) == AutoComplete.GenerateCompletion.class;
        for (Map.Entry<String, Class<?>> entry : ALL.entrySet()) {
            if (all || entry.getKey().equals(named)) {
                root.addSubcommand(entry.getKey(), entry.getValue());
            } else {
                root.addSubcommand(entry.getKey(), new CommandLine(outline(entry.getKey(), entry.getValue())));
            }
        }
    }

    /** Whether {@code spec} is only the outline of a sub-command: the parse needs every model after all. */
    static boolean isOutline(CommandSpec spec) {
        return spec.userObject() instanceof Outline;
    }

    /**
     * The first word of {@code args} that is neither an option of the root nor an option's value;
     * {@code "@"} for an argument file (anything may be in it); {@code null} when there is none.
     */
    static String named(CommandSpec root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                return "@";
            }
            if (arg.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return arg;
            }
            OptionSpec option = arg.contains("=") ? null : root.findOption(arg);
            if (option != null && option.arity().max() > 0) {
                i++;
            }
        }
        return null;
    }

    private static CommandSpec outline(String name, Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(new Outline());
        spec.name(name);
        spec.usageMessage().header(command.header()).description(command.description());
        return spec;
    }

    /** Stands for a sub-command whose model was not built. */
    private static final class Outline {
    }
}
