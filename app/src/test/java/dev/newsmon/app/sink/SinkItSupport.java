package dev.newsmon.app.sink;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Alert;
import dev.newsmon.common.Json;
import dev.newsmon.common.Severity;
import dev.newsmon.common.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topic setup, raw producers and file reading shared by the sink's broker tests. */
final class SinkItSupport {
    private SinkItSupport() {
    }

    static void createTopics(String bootstrap, int partitions, Collection<String> names) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The topics the sink writes to (the app creates them in production). */
    static List<String> sinkOutputTopics() {
        return List.of(Topics.DEAD_LETTER, Topics.FAILED_DELIVERIES);
    }

    static KafkaProducer<String, byte[]> rawProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    }

    static byte[] json(Alert a) {
        try {
            return Json.MAPPER.writeValueAsBytes(a);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Alert alert(String id, String theme, Severity severity) {
        Instant t = Instant.parse("2026-10-03T08:15:00Z");
        return new Alert(id, theme, "spike", severity, t.minus(Duration.ofHours(6)), t,
                Map.of("tensionZ", 3.1), "tension z 3.1 over 4 stories",
                List.of(new Alert.AlertArticle("art-" + id, "Ministers trade warnings", "https://example.org/" + id, 0.7)),
                List.of("warned"), t);
    }

    /** Every value on {@code topic} from the beginning, read until {@code expected} arrived or the timeout. */
    static List<String> readAll(String bootstrap, String topic, int expected, Duration timeout) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long end = System.nanoTime() + timeout.toNanos();
            while (values.size() < expected && System.nanoTime() < end) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    /** Ids of every line in every JSON Lines file under {@code dir}, in file order. */
    static List<String> fileIds(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> ids = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    ids.add(idOf(line, f));
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String idOf(String line, Path file) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            return node.get("id").asText();
        } catch (IOException | RuntimeException e) {
            // A torn last line can be seen while the sink is writing it; it is not a delivered alert.
            return "<unparsable line in " + file.getFileName() + ">";
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
