package io.jenkins.plugins.retrogate.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The sub-commands, built only when they run. picocli builds the model of every sub-command it is given
 * (reflection over each class, its annotations, its options and their types, and a command line with its
 * own converters) before it parses anything: most of the start-up of a {@code gate}. So the command line
 * the user typed is looked at first, and only the one sub-command it names is added. Whatever that model
 * cannot answer exactly as the whole one would (a parse error, no sub-command, the root's own help,
 * {@code help gate}, {@code generate-completion}, an {@code @argfile}, a root option's value that names a
 * sub-command) is parsed with every sub-command ({@link RetroGateCli}), before anything runs or is printed.
 */
final class Subcommands {
    /** In the order {@code --help} lists them; each name is its class's {@code @Command} name (SubcommandsTest). */
    static final Map<String, Class<?>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("init", InitCommand.class);
        ALL.put("gate", GateCommand.class);
        ALL.put("deploy", DeployCommand.class);
        ALL.put("rollback", RollbackCommand.class);
        ALL.put("incident", IncidentCommand.class);
        ALL.put("item", ItemCommand.class);
        ALL.put("override", OverrideCommand.class);
        ALL.put("report", ReportCommand.class);
        ALL.put("export", ExportCommand.class);
        ALL.put("import", ImportCommand.class);
        ALL.put("tracker", TrackerCommand.class);
        ALL.put("verify", VerifyCommand.class);
        ALL.put("repair", RepairCommand.class);
        ALL.put("policy", PolicyCommand.class);
        ALL.put("demo", DemoCommand.class);
        ALL.put("help", CommandLine.HelpCommand.class);
        ALL.put("generate-completion", AutoComplete.GenerateCompletion.class);
    }

    private Subcommands() {
    }

    /**
     * Adds to {@code root} the sub-command {@code args} name, or all of them (with {@code everything}, or
     * when the one named needs the others); returns whether it added all.
     */
    static boolean add(CommandLine root, String[] args, boolean everything) {
        String named = everything ? null : named(root.getCommandSpec(), args);
        Class<?> type = named == null ? null : ALL.get(named);
        boolean all = type == null || type == CommandLine.HelpCommand.class
                || type == AutoComplete.GenerateCompletion.class;
        for (Map.Entry<String, Class<?>> entry : ALL.entrySet()) {
            if (all || entry.getKey().equals(named)) {
                root.addSubcommand(entry.getKey(), entry.getValue());
            }
        }
        return all;
    }

    /**
     * The first word of {@code args} that is neither an option of the root nor an option's value;
     * {@code "@"} when every sub-command must be there to read them: an argument file (anything may be
     * in it), or a root option's value that names a sub-command (picocli refuses it, but only when that
     * sub-command is in the model); {@code null} when there is none.
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
                if (i < args.length && ALL.containsKey(args[i])) {
                    return "@";
                }
            }
        }
        return null;
    }
}
