package dev.newsmon.app.classify;

import dev.newsmon.common.Article;
import dev.newsmon.common.Json;
import dev.newsmon.ingest.ArticleFiles;
import dev.newsmon.processor.classify.Classifier;
import dev.newsmon.processor.classify.Themes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code newsmon classify}: the processor's classifier on files, without Kafka, to check a themes change offline. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classifies article files offline (no Kafka) and prints one JSON line per article in the "
                + "news.classified schema, or with --explain a readable report with the evidence highlighted."})
public final class ClassifyCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR",
            description = "Article files (.txt scraper form, .jsonl, .xml/.rss/.atom) or directories, read recursively.")
    List<Path> inputs;

    @Option(names = "--themes", paramLabel = "FILE", defaultValue = "${NEWSMON_THEMES}",
            description = "Themes file (env NEWSMON_THEMES; default: the bundled themes.json).")
    Path themesFile;

    @Option(names = "--explain", description = "Print a readable report per article instead of JSON lines.")
    boolean explain;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "Bold evidence in --explain: auto (only on a terminal), always or never. Default: ${DEFAULT-VALUE}.")
    ColorMode color;

    @Spec
    CommandSpec spec;

    enum ColorMode { auto, always, never }

    @Override
    public Integer call() throws Exception {
        Themes themes = themesFile == null ? Themes.loadDefault() : Themes.load(themesFile);
        Classifier classifier = new Classifier(themes);
        PrintWriter out = spec.commandLine().getOut();
        boolean bold = color == ColorMode.always || (color == ColorMode.auto && System.console() != null
                && System.getenv("NO_COLOR") == null);
        ExplainReport report = new ExplainReport(bold);
        for (Path input : inputs) {
            for (Article a : ArticleFiles.read(input)) {
                if (explain) {
                    out.print(report.render(a, classifier.explain(a)));
                } else {
                    out.println(Json.MAPPER.writeValueAsString(classifier.classify(a)));
                }
            }
        }
        out.flush();
        return 0;
    }
}
