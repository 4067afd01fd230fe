package dev.newsmon.app.sink;

import static dev.newsmon.app.sink.SinkItSupport.alert;
import static dev.newsmon.app.sink.SinkItSupport.await;
import static dev.newsmon.app.sink.SinkItSupport.fileIds;
import static dev.newsmon.app.sink.SinkItSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.Json;
import dev.newsmon.common.Severity;
import dev.newsmon.common.Topics;
import dev.newsmon.sink.AlertFilter;
import dev.newsmon.sink.SinkConfig;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.webhook.Backoff;
import dev.newsmon.sink.webhook.WebhookFormat;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input and dead endpoints on a real broker: a malformed alert goes to news.dlq and the sink keeps going;
 * a webhook that never recovers sends the alert to news.failed-deliveries while the file still gets it;
 * one that recovers gets every alert exactly once, and the offsets are committed only after that.
 */
class SinkDeadLetterIT {
    @TempDir
    Path tmp;

    @Test
    void malformedRecordsAndUndeliverableAlertsAreHandedOffAndNothingStops() throws Exception {
        HttpServer dead = server(Integer.MAX_VALUE, new ArrayList<>());
        List<String> flappingGot = Collections.synchronizedList(new ArrayList<>());
        HttpServer flapping = server(3, flappingGot);
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, tmp.resolve("kafka"), true)) {
            String bootstrap = broker.bootstrapServers();
            List<String> topics = new ArrayList<>(SinkItSupport.sinkOutputTopics());
            topics.add(Topics.alerts("taiwan"));
            SinkItSupport.createTopics(bootstrap, 1, topics);
            try (KafkaProducer<String, byte[]> producer = SinkItSupport.rawProducer(bootstrap)) {
                String topic = Topics.alerts("taiwan");
                producer.send(new ProducerRecord<>(topic, "taiwan", "{\"id\": \"broken".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(topic, "taiwan", json(alert("t-1", "taiwan", Severity.CRITICAL)))).get();
                producer.send(new ProducerRecord<>(topic, "taiwan",
                        "{\"id\":\"t-x\",\"theme\":\"taiwan\"}".getBytes(StandardCharsets.UTF_8))).get();
                producer.send(new ProducerRecord<>(topic, "taiwan", json(alert("t-2", "taiwan", Severity.WARNING)))).get();
            }

            Path deadDir = tmp.resolve("alerts-dead");
            SinkService toDead = sink(bootstrap, "it-dead", deadDir, uri(dead), Duration.ofSeconds(6));
            toDead.start();
            Path okDir = tmp.resolve("alerts-ok");
            SinkService toFlapping = sink(bootstrap, "it-flapping", okDir, uri(flapping), Duration.ofSeconds(30));
            toFlapping.start();
            try {
                await("both alerts in the file of the sink with the dead webhook", Duration.ofSeconds(60),
                        () -> fileIds(deadDir).size() == 2);
                // The file did not wait for the webhook, but the commit does: the alerts' offsets stay open.
                assertTrue(committed(bootstrap, "it-dead") < 2, "committed past an undelivered alert");
                await("both alerts in the other file", Duration.ofSeconds(60), () -> fileIds(okDir).size() == 2);
                List<String> failed = SinkItSupport.readAll(bootstrap, Topics.FAILED_DELIVERIES, 2, Duration.ofSeconds(60));
                assertEquals(2, failed.size(), "each undeliverable alert once: " + failed);
                for (String f : failed) {
                    DeadLetter letter = Json.MAPPER.readValue(f, DeadLetter.class);
                    assertEquals("sink.webhook", letter.stage());
                    assertTrue(letter.reason().contains("HTTP 500"), letter.reason());
                    assertEquals(Topics.alerts("taiwan"), letter.topic());
                }
                await("the flapping endpoint to get both alerts", Duration.ofSeconds(60), () -> flappingGot.size() >= 2);
                await("committed offsets at the end of the topic", Duration.ofSeconds(30),
                        () -> committed(bootstrap, "it-dead") == 4 && committed(bootstrap, "it-flapping") == 4);
            } finally {
                toDead.close();
                toFlapping.close();
                dead.stop(0);
                flapping.stop(0);
            }
            assertEquals(List.of("t-1", "t-2"), fileIds(deadDir), "the dead endpoint did not hold up the file");
            assertEquals(List.of("t-1", "t-2"), fileIds(okDir));
            assertEquals(List.of("t-1", "t-2"), flappingGot, "every alert exactly once despite 3 failures");

            // Two sinks read the two malformed records: each sent both to the dead-letter topic.
            List<String> dlq = SinkItSupport.readAll(bootstrap, Topics.DEAD_LETTER, 4, Duration.ofSeconds(30));
            assertEquals(4, dlq.size(), dlq.toString());
            List<String> reasons = new ArrayList<>();
            for (String d : dlq) {
                DeadLetter letter = Json.MAPPER.readValue(d, DeadLetter.class);
                assertEquals("sink", letter.stage());
                assertEquals("taiwan", letter.key());
                reasons.add(letter.offset() + ":" + letter.reason());
            }
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("0:not a valid Alert JSON record")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.startsWith("2:") && r.contains("no severity")), reasons.toString());
            assertEquals(new SinkService.Stats(4, 2, 0, 0, 2), toDead.stats());
        }
    }

    private static SinkService sink(String bootstrap, String group, Path dir, URI webhook, Duration giveUp) {
        SinkConfig c = new SinkConfig(Map.of("bootstrap.servers", bootstrap), group, dir, AlertFilter.ALL, false,
                webhook, WebhookFormat.slack, giveUp,
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)), null, 10, null);
        return new SinkService(c, new PrintStream(PrintStream.nullOutputStream()), false, Clock.systemUTC());
    }

    /** Answers 500 to the first {@code failures} requests, then 200, recording the Slack "text" of each success. */
    private static HttpServer server(int failures, List<String> got) throws Exception {
        AtomicInteger n = new AtomicInteger();
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean ok = n.incrementAndGet() > failures;
            if (ok) {
                var blocks = Json.MAPPER.readTree(body).get("blocks");
                String context = blocks.get(blocks.size() - 1).get("elements").get(0).get("text").asText();
                got.add(context.substring(context.lastIndexOf("id ") + 3));
            }
            exchange.sendResponseHeaders(ok ? 200 : 500, -1);
            exchange.close();
        });
        s.start();
        return s;
    }

    private static URI uri(HttpServer s) {
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/hook");
    }

    private static long committed(String bootstrap, String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata o = offsets.get(new TopicPartition(Topics.alerts("taiwan"), 0));
            return o == null ? -1 : o.offset();
        } catch (Exception e) {
            return -1;
        }
    }
}
