package dev.newsmon.app.classify;

import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.ingest.ArticleFiles;
import dev.newsmon.processor.classify.Classifier;
import dev.newsmon.processor.classify.Themes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code newsmon eval}: how well the classifier agrees with a labelled corpus, offline. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores the classifier against labelled articles: precision, recall and F1 per theme, "
                + "macro-F1, and Spearman rank correlation of tension and cooperation with the labels.",
                "LABELS is TSV with the header 'file<TAB>themes<TAB>tension<TAB>cooperation': file relative to DIR, "
                        + "themes comma-separated (empty = none), tension and cooperation integers 0-3."})
public final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory the label file names are relative to.")
    Path dir;

    @Parameters(index = "1", paramLabel = "LABELS.tsv", description = "The labels.")
    Path labelsFile;

    @Option(names = "--themes", paramLabel = "FILE", defaultValue = "${NEWSMON_THEMES}",
            description = "Themes file (env NEWSMON_THEMES; default: the bundled themes.json).")
    Path themesFile;

    @Option(names = "--min-macro-f1", paramLabel = "F1",
            description = "Exit 1 when macro-F1 falls below this (for CI). Default: never fail.")
    Double minMacroF1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a directory");
        }
        Labels labels = Labels.read(labelsFile);
        Themes themes = themesFile == null ? Themes.loadDefault() : Themes.load(themesFile);
        Classifier classifier = new Classifier(themes);
        Set<String> names = new LinkedHashSet<>(themes.names());
        labels.rows().forEach(r -> names.addAll(r.themes()));
        Map<String, EvalMetrics.Counts> counts = new LinkedHashMap<>();
        names.forEach(n -> counts.put(n, new EvalMetrics.Counts()));

        int n = labels.rows().size();
        double[] tension = new double[n];
        double[] tensionLabel = new double[n];
        double[] cooperation = new double[n];
        double[] cooperationLabel = new double[n];
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Labels.Row row = labels.rows().get(i);
            Path file = dir.resolve(row.file());
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(labelsFile + ": labelled file " + file + " does not exist");
            }
            List<Article> articles = ArticleFiles.read(file);
            if (articles.size() != 1) {
                throw new IllegalArgumentException(file + ": expected one article, found " + articles.size());
            }
            ClassifiedArticle c = classifier.classify(articles.get(0));
            Set<String> got = new TreeSet<>();
            c.themes().forEach(t -> got.add(t.theme()));
            for (String theme : names) {
                boolean want = row.themes().contains(theme);
                boolean has = got.contains(theme);
                EvalMetrics.Counts k = counts.get(theme);
                if (want && has) {
                    k.truePositives++;
                } else if (has) {
                    k.falsePositives++;
                } else if (want) {
                    k.falseNegatives++;
                }
            }
            if (!got.equals(new TreeSet<>(row.themes()))) {
                misses.add(row.file() + "  labelled " + new TreeSet<>(row.themes()) + "  got " + got);
            }
            tension[i] = c.tension();
            tensionLabel[i] = row.tension();
            cooperation[i] = c.cooperation();
            cooperationLabel[i] = row.cooperation();
        }

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-20s %9s %9s %9s %5s %5s %5s%n", "theme", "precision", "recall", "F1", "tp", "fp", "fn");
        double sum = 0;
        for (Map.Entry<String, EvalMetrics.Counts> e : counts.entrySet()) {
            EvalMetrics.Counts k = e.getValue();
            sum += k.f1();
            out.printf(Locale.ROOT, "%-20s %9.3f %9.3f %9.3f %5d %5d %5d%n", e.getKey(), k.precision(), k.recall(),
                    k.f1(), k.truePositives, k.falsePositives, k.falseNegatives);
        }
        double macro = counts.isEmpty() ? 0 : sum / counts.size();
        out.printf(Locale.ROOT, "macro-F1 %.3f over %d themes, %d articles%n", macro, counts.size(), n);
        out.printf(Locale.ROOT, "Spearman rank correlation with labels: tension %.3f, cooperation %.3f%n",
                EvalMetrics.spearman(tension, tensionLabel), EvalMetrics.spearman(cooperation, cooperationLabel));
        if (!misses.isEmpty()) {
            out.println("articles whose themes differ from the labels:");
            misses.forEach(m -> out.println("  " + m));
        }
        out.flush();
        return minMacroF1 != null && macro < minMacroF1 ? 1 : 0;
    }
}
