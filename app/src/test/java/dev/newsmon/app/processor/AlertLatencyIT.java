package dev.newsmon.app.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.Alert;
import dev.newsmon.common.Article;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.alerts.AlertRules;
import dev.newsmon.processor.classify.Classifier;
import dev.newsmon.processor.classify.Themes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 5's live promises on a real broker: a breaking article alerts within 2 s, sending it again raises nothing,
 * and a restarted processor remembers what it already raised.
 */
class AlertLatencyIT {
    static final String[] DRILLS = {"Beijing warns Taipei over drills",
        "China's defence ministry warned on Monday that Taiwan would definitely regret any move toward independence. "
            + "Chinese warships and fighter jets encircled Taiwan in live-fire drills, and Beijing threatened "
            + "sanctions against officials in Taipei."};
    static final String[] LAUNCH = {"North Korea fires ICBM, warns Seoul",
        "North Korea fired an intercontinental ballistic missile into the East Sea, and Pyongyang threatened Seoul "
            + "and Washington with stronger countermeasures. Kim Jong Un warned that South Korea would definitely "
            + "regret the joint drills and vowed more launches."};
    static final JsonSerde<Article> SERDE = JsonSerde.of(Article.class);

    @TempDir
    Path dir;

    @Test
    void breakingAlertWithinTwoSecondsOnceAndNotAgainAfterRestart() throws Exception {
        Instant t = Instant.parse("2026-10-14T00:20:00Z");
        Article first = new Article("lat-1", null, "example", DRILLS[0], DRILLS[1], t, null, "en");
        Article second = new Article("lat-2", null, "example", DRILLS[0] + " again",
                DRILLS[1] + " Officials in Taipei said the drills continued into the night near the median line, "
                        + "and the coast guard tracked several ships.", t.plusSeconds(600), null, "en");
        Classifier classifier = new Classifier(Themes.loadDefault());
        double bar = AlertRules.loadDefault().breaking().bar();
        assertTrue(classifier.classify(first).tension() >= bar, "test article must be breaking-level");
        assertTrue(classifier.classify(new Article("x", null, null, LAUNCH[0], LAUNCH[1], t, null, "en")).tension()
                >= bar, "launch article must be breaking-level");

        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("kafka"), false)) {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                TopicSetup.ensure(admin, TopicSetup.newTopics(Themes.loadDefault().names(), 3, (short) 1));
            }
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                    new StringSerializer(), new ByteArraySerializer());
                 KafkaConsumer<String, String> alerts = new KafkaConsumer<>(Map.of(
                         ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                         ConsumerConfig.GROUP_ID_CONFIG, "it-latency-reader",
                         ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                         ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                         new StringDeserializer(), new StringDeserializer())) {
                alerts.subscribe(List.of(Topics.alerts("taiwan")));

                ProcessorService processor = processor(bootstrap);
                processor.start();
                awaitRunning(processor);
                alerts.poll(Duration.ofMillis(500)); // join the group before the clock starts

                long start = System.nanoTime();
                send(producer, first);
                List<Alert> got = read(alerts, 1, Duration.ofSeconds(10));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(1, got.size());
                assertEquals("BREAKING", got.get(0).kind());
                System.out.println("breaking alert visible " + millis + " ms after the article was sent");
                assertTrue(millis < 2_000, "alert took " + millis + " ms");

                send(producer, first);
                assertEquals(List.of(), read(alerts, 1, Duration.ofSeconds(3)), "the same article again: no alert");

                // Warm: the pipeline has processed records, as it has in a running `newsmon up`.
                alerts.subscribe(List.of(Topics.alerts("taiwan"), Topics.alerts("north_korea")));
                alerts.poll(Duration.ofMillis(500));
                Article launch = new Article("lat-3", null, "example", LAUNCH[0], LAUNCH[1], t, null, "en");
                long warmStart = System.nanoTime();
                send(producer, launch);
                List<Alert> warm = read(alerts, 1, Duration.ofSeconds(10));
                long warmMillis = (System.nanoTime() - warmStart) / 1_000_000;
                System.out.println("warm breaking alert visible " + warmMillis + " ms after the article was sent");
                assertEquals(List.of("north_korea"), warm.stream().map(Alert::theme).toList());
                assertTrue(warmMillis < 2_000, "warm alert took " + warmMillis + " ms");

                processor.close();
                ProcessorService restarted = processor(bootstrap);
                restarted.start();
                awaitRunning(restarted);
                send(producer, second);
                assertEquals(List.of(), read(alerts, 1, Duration.ofSeconds(5)),
                        "restarted with its alert state: the theme is still tense, so no second BREAKING");
                restarted.close();
            }
        }
    }

    private ProcessorService processor(String bootstrap) {
        ProcessCommand cmd = new ProcessCommand();
        new CommandLine(cmd).parseArgs("--bootstrap-servers", bootstrap, "--application-id", "it-latency",
                "--state-dir", dir.resolve("streams").toString(), "--no-api");
        return cmd.service();
    }

    private static void awaitRunning(ProcessorService p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (p.streams().state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING) {
            assertTrue(System.nanoTime() < deadline, "processor never reached RUNNING");
            Thread.sleep(100);
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, Article a) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARTICLES, a.id(), SERDE.serialize(Topics.ARTICLES, a))).get();
    }

    private static List<Alert> read(KafkaConsumer<String, String> c, int want, Duration wait) throws Exception {
        List<Alert> out = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && out.size() < want) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(50))) {
                out.add(dev.newsmon.common.Json.MAPPER.readValue(r.value(), Alert.class));
            }
        }
        return out;
    }
}
