package dev.newsmon.app.backtest;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.ThemeSignal;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.NewsTopology;
import dev.newsmon.processor.ProcessorMetrics;
import dev.newsmon.processor.StreamsSettings;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.classify.Classifier;
import dev.newsmon.processor.classify.Themes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs the processor's own topology (same classifier, themes and rules) over a historical corpus in a
 * TopologyTestDriver: no broker, a throwaway state directory, articles fed in event-time order with the wall
 * clock following event time, so stream-time and wall-clock punctuators fire as they would have live.
 */
public final class Backtest {
    static final String APPLICATION_ID = "newsmon-backtest";
    private static final JsonSerde<Article> ARTICLE = JsonSerde.of(Article.class);

    private final Themes themes;
    private final AlertRules rules;

    public Backtest(Themes themes, AlertRules rules) {
        this.themes = themes;
        this.rules = rules;
    }

    /** The live processor's topology for these themes and rules (see ProcessCommand#service). */
    static Topology topology(Themes themes, AlertRules rules) {
        return NewsTopology.build(new Classifier(themes)::classify, themes.names(), rules,
                NewsTopology.DEFAULT_DEDUPE_HORIZON);
    }

    /** Replays {@code input} and calls {@code onAlert} for each alert as it is raised. */
    public BacktestResult run(List<Article> input, Consumer<Alert> onAlert) {
        List<Article> articles = inEventTimeOrder(input);
        Path stateDir = tempDir();
        try {
            return replay(articles, stateDir, onAlert);
        } finally {
            deleteTree(stateDir);
        }
    }

    /** Stable: articles sharing an event time keep their file order, so a rerun replays identically. */
    static List<Article> inEventTimeOrder(List<Article> input) {
        List<Article> articles = new ArrayList<>(input);
        articles.sort(Comparator.comparing(Article::eventTime, Comparator.nullsLast(Comparator.naturalOrder())));
        return articles;
    }

    private BacktestResult replay(List<Article> articles, Path stateDir, Consumer<Alert> onAlert) {
        Instant start = articles.isEmpty() || articles.get(0).eventTime() == null
                ? Instant.now() : articles.get(0).eventTime();
        // The driver never connects; the settings are the live ones so error handlers and EOS behave the same.
        var config = StreamsSettings.build(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "offline:9092"),
                APPLICATION_ID, stateDir, null);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology(themes, rules), config, start)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic(Topics.ARTICLES,
                    new StringSerializer(), new ByteArraySerializer());
            Outputs outputs = new Outputs(driver, themes.names(), onAlert);
            Instant clock = start;
            for (Article a : articles) {
                Instant at = a.eventTime() == null ? clock : a.eventTime();
                if (at.isAfter(clock)) {
                    driver.advanceWallClockTime(Duration.between(clock, at));
                    clock = at;
                }
                in.pipeInput(a.id(), ARTICLE.serialize(Topics.ARTICLES, a), at);
                // Drained after every article so alerts come out in the order they were raised.
                outputs.drain();
            }
            // As live, a minute after the last article: wall-clock punctuators release anything still held.
            driver.advanceWallClockTime(Duration.ofMinutes(1));
            outputs.drain();
            long repeats = total(driver, "dropped-repeats-total");
            return new BacktestResult(articles.size(), outputs.classified, outputs.onTheme, repeats + outputs.copies,
                    total(driver, "late-records-total"), outputs.deadLetters, List.copyOf(outputs.alerts),
                    outputs.series);
        }
    }

    /** Reads every output topic of the driver and keeps the counts, alerts and signals. */
    private static final class Outputs {
        private final TestOutputTopic<String, ClassifiedArticle> classifiedOut;
        private final TestOutputTopic<String, ThemeSignal> signalsOut;
        private final TestOutputTopic<String, DeadLetter> dlqOut;
        private final List<TestOutputTopic<String, Alert>> alertOuts;
        private final Consumer<Alert> onAlert;
        final List<Alert> alerts = new ArrayList<>();
        final SignalSeries series = new SignalSeries();
        int classified;
        int onTheme;
        int copies;
        int deadLetters;

        Outputs(TopologyTestDriver driver, List<String> themes, Consumer<Alert> onAlert) {
            StringDeserializer keys = new StringDeserializer();
            this.classifiedOut = driver.createOutputTopic(Topics.CLASSIFIED, keys,
                    JsonSerde.of(ClassifiedArticle.class));
            this.signalsOut = driver.createOutputTopic(Topics.SIGNALS, keys, JsonSerde.of(ThemeSignal.class));
            this.dlqOut = driver.createOutputTopic(Topics.DEAD_LETTER, keys, JsonSerde.of(DeadLetter.class));
            this.alertOuts = new ArrayList<>();
            for (String theme : themes) {
                alertOuts.add(driver.createOutputTopic(Topics.alerts(theme), keys, JsonSerde.of(Alert.class)));
            }
            this.onAlert = onAlert;
        }

        void drain() {
            for (ClassifiedArticle c : classifiedOut.readValuesToList()) {
                classified++;
                onTheme += c.themes() == null || c.themes().isEmpty() ? 0 : 1;
                copies += c.duplicateOf() == null ? 0 : 1;
            }
            signalsOut.readValuesToList().forEach(series::add);
            deadLetters += dlqOut.readValuesToList().size();
            List<Alert> fresh = new ArrayList<>();
            for (TestOutputTopic<String, Alert> out : alertOuts) {
                fresh.addAll(out.readValuesToList());
            }
            // Topics are read one theme after another; event time restores the order they were raised in.
            fresh.sort(Comparator.comparing(Alert::raisedAt, Comparator.nullsLast(Comparator.naturalOrder())));
            for (Alert a : fresh) {
                alerts.add(a);
                onAlert.accept(a);
            }
        }
    }

    /** Sum of one of the processor's own counters over all tasks. */
    private static long total(TopologyTestDriver driver, String name) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : driver.metrics().entrySet()) {
            MetricName m = e.getKey();
            if (m.name().equals(name) && m.group().equals("stream-" + ProcessorMetrics.SCOPE + "-metrics")
                    && e.getValue().metricValue() instanceof Number n) {
                sum += n.doubleValue();
            }
        }
        return Math.round(sum);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory(APPLICATION_ID);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary state directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort: it is a temp dir, and the result is already computed.
        }
    }
}
