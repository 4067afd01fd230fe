package dev.newsmon.processor;

import static dev.newsmon.processor.TopologyFixture.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.common.Article;
import dev.newsmon.common.ClassifiedArticle;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.Topics;
import dev.newsmon.processor.alerts.AlertRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record that makes a processor throw is dead-lettered by the configured handler and the stream goes on. */
class ExceptionHandlersTest {
    @TempDir
    Path stateDir;

    @Test
    void aRecordThatBreaksTheClassifierIsDeadLetteredAndTheNextOneFlows() throws Exception {
        Function<Article, ClassifiedArticle> fragile = a -> {
            if (a.title().contains("poison")) {
                throw new IllegalStateException("classifier bug\nsecond line is not logged");
            }
            return TopologyFixture.CLASSIFIER.classify(a);
        };
        try (TopologyTestDriver driver = new TopologyTestDriver(
                NewsTopology.build(fragile, TopologyFixture.THEMES.names(), AlertRules.loadDefault(),
                        NewsTopology.DEFAULT_DEDUPE_HORIZON),
                StreamsSettings.build(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "unused:9092"),
                        "newsmon-test", Files.createDirectories(stateDir), null))) {
            TestInputTopic<String, Article> in = driver.createInputTopic(Topics.ARTICLES, new StringSerializer(),
                    JsonSerde.of(Article.class));
            TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic(Topics.DEAD_LETTER,
                    new StringDeserializer(), JsonSerde.of(DeadLetter.class));
            TestOutputTopic<String, ClassifiedArticle> out = driver.createOutputTopic(Topics.CLASSIFIED,
                    new StringDeserializer(), JsonSerde.of(ClassifiedArticle.class));
            Instant t = Instant.parse("2026-10-01T00:00:00Z");

            in.pipeInput("p1", article("p1", "poison pill", "North Korea fired a missile.", t));
            in.pipeInput("ok", article("ok", Stories.NK_MISSILE[0], Stories.NK_MISSILE[1], t));

            List<DeadLetter> dead = dlq.readValuesToList();
            assertEquals(1, dead.size());
            DeadLetter d = dead.get(0);
            assertEquals("process:classify", d.stage());
            assertEquals("IllegalStateException: classifier bug", d.reason());
            assertEquals("p1", d.key());
            assertTrue(d.value().contains("poison pill"), d.value());
            assertEquals(Topics.ARTICLES, d.topic());
            assertEquals(List.of("ok"), out.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        }
    }
}
