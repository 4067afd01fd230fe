package dev.newsmon.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class NewsmonTest {
    private static final Pattern ENV = Pattern.compile("\\$\\{(NEWSMON_[A-Z_]+)");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsmon.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyEnvironmentVariableAnOptionReadsIsNamedInItsHelp() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        // Uninterpolated, so the default still shows which variable it reads.
        for (CommandLine command : Newsmon.commandLine().setInterpolateVariables(false).getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                String defaultValue = option.defaultValue();
                Matcher env = ENV.matcher(defaultValue == null ? "" : defaultValue);
                if (env.find()) {
                    checked++;
                    String help = String.join(" ", option.description()).replaceAll("\\s+", " ");
                    if (!help.contains("env " + env.group(1))) {
                        problems.add(command.getCommandName() + " " + option.longestName() + " reads " + env.group(1));
                    }
                }
            }
        }
        assertTrue(checked >= 10, "options with env defaults: " + checked);
        assertEquals(List.of(), problems);
    }

    @Test
    void helpShowsDefaults() {
        Run help = run("broker", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        assertEquals(0, help.exit());
        assertTrue(text.contains("env NEWSMON_PORT; default 9092"), text);
        assertTrue(text.contains("env NEWSMON_DATA_DIR; default .newsmon"), text);
    }

    @Test
    void everyCommandTakesHelpAndVersionTheSameWay() {
        String version = run("-V").out().strip();
        assertTrue(version.startsWith("newsmon "), version);
        for (String command : Newsmon.commandLine().getSubcommands().keySet()) {
            Run help = run(command, "-h");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().startsWith("Usage: newsmon " + command + " [-hV]"), help.out());
            Run v = run(command, "-V");
            assertEquals(0, v.exit(), command);
            assertEquals(version, v.out().strip(), command);
        }
    }

    @Test
    void badUsageExitsTwoWithAHint() {
        Run bad = run("broker", "--port", "many");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("newsmon broker: Invalid value for option '--port'"), bad.err());
        assertTrue(bad.err().contains("Try 'newsmon broker --help'"), bad.err());
        assertEquals(2, run().exit(), "no command");
        assertEquals(2, run("nonsense").exit());
    }

    @Test
    void oneLineNamesTheRealCauseNotTheWrapper() {
        Exception wrapped = new ExecutionException(new IllegalStateException("broker said\n  no"));
        assertEquals("broker said no", ErrorReporting.oneLine(wrapped));
        assertEquals("NullPointerException", ErrorReporting.oneLine(new NullPointerException()));
    }
}
