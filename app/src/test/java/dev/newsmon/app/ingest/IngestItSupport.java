package dev.newsmon.app.ingest;

import dev.newsmon.common.Article;
import dev.newsmon.common.Json;
import dev.newsmon.common.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Topic setup and reading back what ingest published, for the ingest broker tests. */
final class IngestItSupport {
    private IngestItSupport() {
    }

    static void createArticlesTopic(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Topics.ARTICLES, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A consumer reading news.articles from the start; the caller polls it. */
    static KafkaConsumer<String, String> articlesConsumer(String bootstrap) {
        KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-ingest-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of(Topics.ARTICLES));
        return c;
    }

    /** Polls until {@code expected} records arrived in total, or {@code timeout}; then one more quiet poll. */
    static List<Article> poll(KafkaConsumer<String, String> c, List<Article> into, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (into.size() < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                into.add(parse(r));
            }
        }
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
            into.add(parse(r));
        }
        return into;
    }

    static List<Article> readAll(String bootstrap, int expected, Duration timeout) {
        try (KafkaConsumer<String, String> c = articlesConsumer(bootstrap)) {
            return poll(c, new ArrayList<>(), expected, timeout);
        }
    }

    private static Article parse(ConsumerRecord<String, String> r) {
        try {
            Article a = Json.MAPPER.readValue(r.value(), Article.class);
            if (!a.id().equals(r.key())) {
                throw new AssertionError("record key " + r.key() + " is not the article id " + a.id());
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
