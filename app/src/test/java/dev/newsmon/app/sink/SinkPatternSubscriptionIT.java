package dev.newsmon.app.sink;

import static dev.newsmon.app.sink.SinkItSupport.alert;
import static dev.newsmon.app.sink.SinkItSupport.await;
import static dev.newsmon.app.sink.SinkItSupport.fileIds;
import static dev.newsmon.app.sink.SinkItSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.common.Severity;
import dev.newsmon.common.Topics;
import dev.newsmon.sink.SinkConfig;
import dev.newsmon.sink.SinkService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A theme topic created while the sink runs is delivered without a restart. */
class SinkPatternSubscriptionIT {
    /** End offsets minus the sink group's committed offsets over every alert partition. */
    static long lag(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("it-pattern").partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String t : admin.listTopics().names().get()) {
                if (Topics.themeOf(t) != null) {
                    admin.describeTopics(List.of(t)).allTopicNames().get().get(t).partitions()
                            .forEach(p -> latest.put(new TopicPartition(t, p.partition()), OffsetSpec.latest()));
                }
            }
            long lag = 0;
            for (var e : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    @TempDir
    Path tmp;

    @Test
    void picksUpAThemeTopicCreatedAfterStart() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, tmp.resolve("kafka"), true)) {
            String bootstrap = broker.bootstrapServers();
            List<String> topics = new ArrayList<>(SinkItSupport.sinkOutputTopics());
            topics.add(Topics.alerts("chips"));
            SinkItSupport.createTopics(bootstrap, 1, topics);
            Path alerts = tmp.resolve("alerts");
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            SinkService sink = new SinkService(SinkConfig.basic(Map.of("bootstrap.servers", bootstrap), "it-pattern",
                    alerts), new PrintStream(console, true, StandardCharsets.UTF_8), false, Clock.systemUTC());
            sink.start();
            try (KafkaProducer<String, byte[]> producer = SinkItSupport.rawProducer(bootstrap)) {
                // Like the processor, in a transaction: its commit marker must not leave the sink one offset behind.
                try (KafkaProducer<String, byte[]> tx = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                        "transactional.id", "it-pattern-tx"), new StringSerializer(), new ByteArraySerializer())) {
                    tx.initTransactions();
                    tx.beginTransaction();
                    tx.send(new ProducerRecord<>(Topics.alerts("chips"), "chips",
                            json(alert("c-1", "chips", Severity.WARNING))));
                    tx.commitTransaction();
                }
                await("the chips alert in the file", Duration.ofSeconds(60), () -> fileIds(alerts).contains("c-1"));

                SinkItSupport.createTopics(bootstrap, 2, List.of(Topics.alerts("brand_new_theme")));
                long created = System.nanoTime();
                producer.send(new ProducerRecord<>(Topics.alerts("brand_new_theme"), "brand_new_theme",
                        json(alert("n-1", "brand_new_theme", Severity.CRITICAL)))).get();
                await("the new theme's alert in the file", Duration.ofSeconds(30),
                        () -> fileIds(alerts).contains("n-1"));
                long seconds = Duration.ofNanos(System.nanoTime() - created).toSeconds();
                await("no lag left on any alert partition", Duration.ofSeconds(30), () -> lag(bootstrap) == 0);
                System.out.printf("new theme topic delivered %d s after creation%n", seconds);
                // metadata.max.age.ms is 5 s; one refresh plus a rebalance must fit well inside 15 s.
                assertTrue(seconds < 15, "took " + seconds + " s");
            } finally {
                sink.close();
            }
            assertEquals(List.of("c-1", "n-1"), fileIds(alerts));
            String shown = console.toString(StandardCharsets.UTF_8);
            assertEquals(2, shown.lines().count(), shown);
            assertTrue(shown.contains("CRITICAL brand_new_theme spike"), shown);
            assertEquals(new SinkService.Stats(2, 2, 0, 0, 0), sink.stats());
        }
    }
}
