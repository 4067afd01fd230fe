package dev.newsmon.app.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.Alert;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.Json;
import dev.newsmon.common.Service;
import dev.newsmon.common.Topics;
import dev.newsmon.ingest.IngestCommand;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.processor.classify.Themes;
import dev.newsmon.sink.SinkCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole walk on a real broker: sample corpus in through ingest, alerts out on the theme topics and in the
 * sink's file; a record the processor cannot use ends in the dead-letter topic with its reason.
 */
class PipelineIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path SAMPLES = Path.of(System.getProperty("newsmon.samples", "../samples/articles"));

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;
    static final List<Service> stages = new ArrayList<>();
    static int ingestExit;

    @BeforeAll
    static void runPipeline() throws Exception {
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"), false);
        String bootstrap = broker.bootstrapServers();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.ensure(admin, TopicSetup.newTopics(Themes.loadDefault().names(), 3, (short) 1));
        }
        // Built from command lines exactly as `newsmon process` and `newsmon sink` build them.
        ProcessCommand process = new ProcessCommand();
        new CommandLine(process).parseArgs("--bootstrap-servers", bootstrap,
                "--state-dir", dir.resolve("streams").toString(), "--application-id", "it-pipeline", "--no-api");
        SinkCommand sink = new SinkCommand();
        new CommandLine(sink).parseArgs("--bootstrap-servers", bootstrap,
                "--alerts-dir", dir.resolve("alerts").toString(), "--group-id", "it-pipeline-sink", "--no-console");
        stages.add(process.service());
        stages.add(sink.service());
        stages.forEach(Service::start);

        IngestCommand ingest = new IngestCommand();
        new CommandLine(ingest).parseArgs("--bootstrap-servers", bootstrap,
                "--state-dir", dir.resolve("ingest").toString(), SAMPLES.toString());
        ingestExit = ingest.call();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "it-no-title",
                    "{\"id\":\"it-no-title\",\"body\":\"A body without any title.\"}"));
            producer.send(new ProducerRecord<>(Topics.ARTICLES, "it-not-json", "this is { not json"));
        }
    }

    @AfterAll
    static void stop() {
        for (int i = stages.size() - 1; i >= 0; i--) {
            stages.get(i).close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void sampleCorpusIsIngestedCleanly() throws IOException {
        assertEquals(0, ingestExit, "ingest exit code");
        try (Stream<Path> files = Files.list(SAMPLES)) {
            assertTrue(files.count() >= 30, "the corpus has at least 30 articles");
        }
    }

    @Test
    void alertsArriveOnThemeTopicsAndInTheSinkFile() throws Exception {
        Map<String, Alert> onTopics = new HashMap<>();
        List<ConsumerRecord<String, String>> records = readUntil(Topics.ALERTS_PATTERN.pattern(),
                seen -> !seen.isEmpty() && alertIdsInFiles().containsAll(ids(seen)));
        assertFalse(records.isEmpty(), "no alert reached a theme topic within " + WAIT);
        for (ConsumerRecord<String, String> r : records) {
            Alert alert = Json.MAPPER.readValue(r.value(), Alert.class);
            assertEquals(Topics.themeOf(r.topic()), alert.theme(), "alert on the topic of its theme");
            assertEquals(alert.theme(), r.key(), "alerts are keyed by theme");
            assertFalse(alert.articles().isEmpty(), "an alert names its articles");
            onTopics.put(alert.id(), alert);
        }
        assertTrue(Themes.loadDefault().names().containsAll(
                onTopics.values().stream().map(Alert::theme).toList()), "alert themes come from the theme list");
        assertTrue(alertIdsInFiles().containsAll(onTopics.keySet()), "every alert on a topic is in the sink file");
    }

    @Test
    void invalidRecordsLandInTheDeadLetterTopicWithTheirReason() throws Exception {
        Map<String, DeadLetter> letters = new HashMap<>();
        readUntil(Topics.DEAD_LETTER, seen -> {
            seen.forEach(r -> letters.put(r.key(), parse(r.value())));
            return letters.keySet().containsAll(Set.of("it-no-title", "it-not-json"));
        });
        DeadLetter noTitle = letters.get("it-no-title");
        assertNotNull(noTitle, "article without title was dead-lettered: " + letters.keySet());
        assertTrue(noTitle.reason().contains("title"), noTitle.reason());
        assertEquals(Topics.ARTICLES, noTitle.topic());
        assertTrue(noTitle.value().contains("A body without any title."), "the original value is kept");
        DeadLetter notJson = letters.get("it-not-json");
        assertNotNull(notJson, "unparseable record was dead-lettered: " + letters.keySet());
        assertFalse(notJson.reason().isBlank());
        assertEquals("this is { not json", notJson.value());
    }

    private static DeadLetter parse(String json) {
        try {
            return Json.MAPPER.readValue(json, DeadLetter.class);
        } catch (IOException e) {
            throw new AssertionError("dead letter is not JSON: " + json, e);
        }
    }

    private static Set<String> ids(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            try {
                ids.add(Json.MAPPER.readValue(r.value(), Alert.class).id());
            } catch (IOException e) {
                throw new AssertionError("alert is not JSON: " + r.value(), e);
            }
        }
        return ids;
    }

    private static Set<String> alertIdsInFiles() {
        Set<String> ids = new HashSet<>();
        Path alerts = dir.resolve("alerts");
        if (!Files.isDirectory(alerts)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(alerts)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        ids.add(Json.MAPPER.readValue(line, Alert.class).id());
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("unreadable alert file: " + e.getMessage(), e);
        }
        return ids;
    }

    /** Reads committed records from the beginning until {@code done} holds for all read so far, or WAIT passes. */
    private static List<ConsumerRecord<String, String>> readUntil(String topicPattern,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(java.util.regex.Pattern.compile(topicPattern));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(seen::add);
                if (done.test(seen)) {
                    break;
                }
            }
        }
        return seen;
    }
}
