package dev.newsmon.app.compose;

import dev.newsmon.app.Newsmon;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** What the live picocli tree of {@code newsmon} accepts: subcommands, options, NEWSMON_* variables. */
final class CliModel {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(?:env:|sys:)?(NEWSMON_[A-Z0-9_]+)");
    private static final Pattern WHOLE_DEFAULT = Pattern.compile("\\$\\{(?:env:)?(NEWSMON_[A-Z0-9_]+)(?::-(.*))?}");

    /** Uninterpolated, so each default still names the variable it reads. */
    private final CommandLine root = Newsmon.commandLine().setInterpolateVariables(false);

    Set<String> subcommands() {
        return root.getSubcommands().keySet();
    }

    CommandSpec spec(String subcommand) {
        CommandLine sub = root.getSubcommands().get(subcommand);
        return sub == null ? null : sub.getCommandSpec();
    }

    /** Every NEWSMON_* variable an option or parameter default reads, anywhere in the tree. */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        collect(root.getCommandSpec(), names);
        return names;
    }

    Set<String> variables(String subcommand) {
        Set<String> names = new TreeSet<>();
        collect(spec(subcommand), names);
        return names;
    }

    private static void collect(CommandSpec spec, Set<String> names) {
        for (ArgSpec arg : spec.args()) {
            if (arg.defaultValue() != null) {
                Matcher m = VARIABLE.matcher(arg.defaultValue());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), names));
    }

    /** The option whose default reads this variable, or null. */
    OptionSpec optionReading(String subcommand, String variable) {
        for (OptionSpec option : spec(subcommand).options()) {
            String d = option.defaultValue();
            if (d != null && VARIABLE.matcher(d).results().anyMatch(r -> r.group(1).equals(variable))) {
                return option;
            }
        }
        return null;
    }

    /** Option-looking tokens of {@code args} (after the subcommand) that the subcommand does not have. */
    List<String> unknownOptions(String subcommand, List<String> args) {
        CommandSpec spec = spec(subcommand);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String token = args.get(i);
            if (token.equals("--")) {
                break;
            }
            if (!token.startsWith("-") || token.equals("-")) {
                continue;
            }
            String name = token.contains("=") ? token.substring(0, token.indexOf('=')) : token;
            OptionSpec option = spec.findOption(name);
            if (option == null) {
                unknown.add(name);
            } else if (!token.contains("=") && option.arity().max() > 0) {
                i++;
            }
        }
        return unknown;
    }

    /** Picocli's own verdict on the arguments (arity, type conversion), or null when they parse. */
    static String parseProblem(List<String> tokens) {
        try {
            Newsmon.commandLine().parseArgs(tokens.toArray(String[]::new));
            return null;
        } catch (ParameterException e) {
            return e.getMessage();
        }
    }

    /**
     * The value the subcommand ends up with for {@code longName}: the flag, else the variable its default
     * reads (from the container's environment), else the default. Null when none applies.
     */
    String effective(String subcommand, String longName, List<String> args, Map<String, String> env) {
        for (int i = 0; i < args.size(); i++) {
            String token = args.get(i);
            if (token.equals(longName) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (token.startsWith(longName + "=")) {
                return token.substring(longName.length() + 1);
            }
        }
        OptionSpec option = spec(subcommand).findOption(longName);
        if (option == null || option.defaultValue() == null) {
            return null;
        }
        Matcher m = WHOLE_DEFAULT.matcher(option.defaultValue());
        if (!m.matches()) {
            return option.defaultValue();
        }
        String value = env.get(m.group(1));
        return value != null && !value.isEmpty() ? value : m.group(2);
    }
}
