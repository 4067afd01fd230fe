package dev.newsmon.app.backtest;

import dev.newsmon.common.Article;
import dev.newsmon.ingest.ArticleFiles;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.classify.Themes;
import dev.newsmon.sink.console.ConsoleWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsmon backtest}: the live topology over a historical corpus, offline, to tune rules before going live. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the processor's topology (same classifier, themes and alert rules) offline, without "
                + "Kafka, over historical articles in event-time order (published, else ingested).",
                "Prints one line per alert it would have raised, then a one-line summary, and writes each "
                + "subject's signal series (one point per window end, as /api/signals serves it) to "
                + "<csv-dir>/signals-<subject>.csv.",
                "State lives in a temporary directory, deleted when the run ends."})
public final class BacktestCommand implements Callable<Integer> {
    private static final String QUIET_STATE_DIR =
            "org.slf4j.simpleLogger.log.org.apache.kafka.streams.processor.internals.StateDirectory";

    @Parameters(arity = "1..*", paramLabel = "FILES|DIR|FILE.jsonl",
            description = "Article files (.txt scraper form, .jsonl, .xml/.rss/.atom) or directories, read "
                    + "recursively.")
    List<Path> inputs;

    @Option(names = "--rules", paramLabel = "FILE", defaultValue = "${NEWSMON_RULES}",
            description = "Signal windows and alert rules (env NEWSMON_RULES; default: the bundled rules.json).")
    Path rulesFile;

    @Option(names = "--themes", paramLabel = "FILE", defaultValue = "${NEWSMON_THEMES}",
            description = "Themes file (env NEWSMON_THEMES; default: the bundled themes.json).")
    Path themesFile;

    @Option(names = "--csv", paramLabel = "DIR", defaultValue = "${NEWSMON_BACKTEST_CSV:-backtest}",
            description = "Directory for the signal CSV files, created if missing; existing files of the same "
                    + "name are replaced (env NEWSMON_BACKTEST_CSV; default ${DEFAULT-VALUE}).")
    Path csvDir;

    @Override
    public Integer call() throws Exception {
        // The temp state dir is deliberate here (thrown away at exit); Kafka's warning about it would only confuse.
        System.setProperty(QUIET_STATE_DIR, System.getProperty(QUIET_STATE_DIR, "error"));
        // Same loading as `newsmon process`, so a rules file that fails here fails there too.
        Themes themes = themesFile == null ? Themes.loadDefault() : Themes.load(themesFile);
        AlertRules rules = rulesFile == null ? AlertRules.loadDefault() : AlertRules.load(rulesFile);
        List<Article> articles = new ArrayList<>();
        for (Path input : inputs) {
            articles.addAll(ArticleFiles.read(input));
        }
        PrintStream out = System.out;
        ConsoleWriter console = new ConsoleWriter(out, ConsoleWriter.terminalWantsColour());
        BacktestResult result = new Backtest(themes, rules).run(articles, console::print);
        List<Path> files = SignalCsv.write(csvDir, themes.names(), result.signals());
        out.println("backtest: " + result.summary() + "; " + files.size() + " signal files in " + csvDir);
        out.flush();
        return 0;
    }
}
