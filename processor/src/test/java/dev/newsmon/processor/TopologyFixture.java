package dev.newsmon.processor;

import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.ThemeSignal;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.classify.Classifier;
import dev.newsmon.processor.classify.Themes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The real topology and the real classifier in a TopologyTestDriver, with typed access to every output topic. */
final class TopologyFixture implements AutoCloseable {
    static final Themes THEMES = Themes.loadDefault();
    static final Classifier CLASSIFIER = new Classifier(THEMES);
    static final JsonSerde<Article> ARTICLE = JsonSerde.of(Article.class);

    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> articles;
    final TestOutputTopic<String, DeadLetter> dlq;
    final TestOutputTopic<String, ClassifiedArticle> classified;
    final TestOutputTopic<String, ThemeSignal> signals;
    private final Path stateDir;
    private int seq;

    TopologyFixture(AlertRules rules) {
        this(rules, Duration.ZERO);
    }

    /** @param reorderHold the signal reorder buffer; events wait for {@link #advance} past it */
    TopologyFixture(AlertRules rules, Duration reorderHold) {
        try {
            stateDir = Files.createTempDirectory("newsmon-ttd");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(
                NewsTopology.build(CLASSIFIER::classify, THEMES.names(), rules, NewsTopology.DEFAULT_DEDUPE_HORIZON,
                        reorderHold),
                StreamsSettings.build(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "unused:9092"),
                        "newsmon-test", stateDir, null));
        articles = driver.createInputTopic(Topics.ARTICLES, new StringSerializer(), new ByteArraySerializer());
        dlq = driver.createOutputTopic(Topics.DEAD_LETTER, new StringDeserializer(), JsonSerde.of(DeadLetter.class));
        classified = driver.createOutputTopic(Topics.CLASSIFIED, new StringDeserializer(),
                JsonSerde.of(ClassifiedArticle.class));
        signals = driver.createOutputTopic(Topics.SIGNALS, new StringDeserializer(), JsonSerde.of(ThemeSignal.class));
    }

    TopologyFixture() {
        this(AlertRules.loadDefault());
    }

    static Article article(String id, String title, String body, Instant published) {
        return new Article(id, "https://news.example/" + id, "example", title, body, published, null, "en");
    }

    /** Sends an article keyed by its id; the record timestamp is deliberately not the event time. */
    void send(Article a) {
        articles.pipeInput(new TestRecord<>(a.id(), ARTICLE.serialize(Topics.ARTICLES, a), Instant.EPOCH));
    }

    /**
     * Sends a new article (new id) telling {@code story}, published at {@code at}. A line of filler unique to
     * the article keeps it from being taken as a syndicated copy of the same story sent earlier.
     */
    Article send(String[] story, Instant at) {
        String id = "s" + (++seq);
        Article a = article(id, story[0], distinct(story[1], id), at);
        send(a);
        return a;
    }

    /** Appends words no other article has, so two reports of one story share too few shingles to be copies. */
    static String distinct(String body, String tag) {
        StringBuilder b = new StringBuilder(body).append("\n\nDesk log");
        for (int i = 0; i < 40; i++) {
            b.append(' ').append(tag).append('w').append(i);
        }
        return b.append('.').toString();
    }

    void sendRaw(String key, String json, Instant recordTime) {
        articles.pipeInput(new TestRecord<>(key, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                recordTime));
    }

    List<Alert> alerts(String theme) {
        return driver.createOutputTopic(Topics.alerts(theme), new StringDeserializer(), JsonSerde.of(Alert.class))
                .readValuesToList();
    }

    List<Alert> allAlerts() {
        List<Alert> all = new ArrayList<>();
        for (String theme : THEMES.names()) {
            all.addAll(alerts(theme));
        }
        all.sort(Comparator.comparing(Alert::id));
        return all;
    }

    /** Moves the mocked wall clock, firing wall-clock punctuations such as the reorder buffer's. */
    void advance(Duration d) {
        driver.advanceWallClockTime(d);
    }

    /** Sum of a custom metric over tasks, e.g. "late-records-total". */
    double metric(String name) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().contains(ProcessorMetrics.SCOPE))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .sum();
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
