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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink runs as its own JVM, is SIGKILLed during a burst of 1,000 alerts produced straight to the alert
 * topics (a tenth of them repeats of earlier ids, as a replaying processor would send), then restarted.
 * Afterwards the files hold every unique alert exactly once: no gaps, no repeats.
 */
class SinkKillRestartIT {
    static final List<String> THEMES = List.of("chips", "taiwan", "north_korea", "trilateral_summit");
    static final int BURST = 1_000;
    static final String GROUP = "it-kill";

    @TempDir
    Path tmp;

    @Test
    void killedMidBurstAndRestartedTheFilesHoldEachUniqueAlertOnce() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, tmp.resolve("kafka"), true)) {
            String bootstrap = broker.bootstrapServers();
            List<String> topics = new ArrayList<>(SinkItSupport.sinkOutputTopics());
            THEMES.forEach(t -> topics.add(Topics.alerts(t)));
            SinkItSupport.createTopics(bootstrap, 3, topics);
            Path alerts = tmp.resolve("alerts");

            // A short session lets the restarted sink take over the dead one's partitions in seconds, not 45.
            Path clientConfig = Files.writeString(tmp.resolve("client.properties"), "session.timeout.ms=6000\n");
            Process first = startSink(bootstrap, clientConfig, alerts, tmp.resolve("sink-1.log"));
            Set<String> unique = new LinkedHashSet<>();
            int linesAtKill;
            try {
                awaitGroupMember(bootstrap);
                CompletableFuture<Void> burst = CompletableFuture.runAsync(() -> produceBurst(bootstrap, unique));
                await("the sink to be mid-stream", Duration.ofSeconds(60), () -> fileIds(alerts).size() >= 150);
                first.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no final flush or commit
                assertTrue(first.waitFor(30, TimeUnit.SECONDS));
                // A line torn by the kill is not a delivery; the restart repairs it.
                linesAtKill = (int) fileIds(alerts).stream().filter(id -> !id.startsWith("<unparsable")).count();
                burst.get(120, TimeUnit.SECONDS);
            } finally {
                first.destroyForcibly();
            }
            long committedAtKill = committedTotal(bootstrap);
            assertTrue(linesAtKill < unique.size(), "killed before the burst was delivered: " + linesAtKill);

            Process second = startSink(bootstrap, clientConfig, alerts, tmp.resolve("sink-2.log"));
            try {
                await("every unique alert in the files", Duration.ofSeconds(120),
                        () -> fileIds(alerts).size() >= unique.size());
                await("every offset committed", Duration.ofSeconds(60),
                        () -> committedTotal(bootstrap) == BURST);
                second.destroy(); // SIGTERM: a clean stop, to read its closing counters
                assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            } finally {
                second.destroyForcibly();
            }

            List<String> ids = fileIds(alerts);
            Set<String> distinct = new HashSet<>(ids);
            String log2 = Files.readString(tmp.resolve("sink-2.log"));
            Matcher stopped = Pattern.compile("sink stopped: (\\d+) alerts received, (\\d+) written, (\\d+) duplicates")
                    .matcher(log2);
            assertTrue(stopped.find(), "no closing line in the restarted sink's log:\n" + log2);
            System.out.printf("kill/restart: produced %d records (%d unique ids); %d lines in the files at the kill, "
                            + "%d offsets committed at the kill; restarted sink received %d, wrote %d, skipped %d "
                            + "duplicates; files now hold %d lines, %d distinct ids%n",
                    BURST, unique.size(), linesAtKill, committedAtKill, Long.parseLong(stopped.group(1)),
                    Long.parseLong(stopped.group(2)), Long.parseLong(stopped.group(3)), ids.size(), distinct.size());

            assertEquals(ids.size(), distinct.size(), "no repeats");
            assertEquals(unique, distinct, "no gaps, and nothing that was not produced");
            assertEquals(BURST - committedAtKill, Long.parseLong(stopped.group(1)),
                    "the restart resumed exactly at the last commit");
            assertEquals(unique.size() - linesAtKill, Long.parseLong(stopped.group(2)),
                    "the restart wrote exactly what was missing");

            // The worst crash window, forced: every offset lost (as if killed between fsync and commit for the
            // whole burst) and a torn half line at the end of the file. A third run re-reads all 1,000 records.
            resetOffsetsToZero(bootstrap);
            Path lastFile;
            try (var files = Files.list(alerts)) {
                lastFile = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().reduce((a, b) -> b).orElseThrow();
            }
            Files.writeString(lastFile, "{\"id\":\"burst-0\",\"theme\":\"ch", StandardOpenOption.APPEND);
            Process third = startSink(bootstrap, clientConfig, alerts, tmp.resolve("sink-3.log"));
            try {
                await("every offset committed again", Duration.ofSeconds(120), () -> committedTotal(bootstrap) == BURST);
                third.destroy();
                assertTrue(third.waitFor(60, TimeUnit.SECONDS));
            } finally {
                third.destroyForcibly();
            }
            Matcher replay = Pattern.compile("sink stopped: (\\d+) alerts received, (\\d+) written, (\\d+) duplicates")
                    .matcher(Files.readString(tmp.resolve("sink-3.log")));
            assertTrue(replay.find());
            System.out.printf("replay of all offsets: received %s, wrote %s, skipped %s duplicates; files hold %d lines%n",
                    replay.group(1), replay.group(2), replay.group(3), fileIds(alerts).size());
            assertEquals(List.of(String.valueOf(BURST), "0", String.valueOf(BURST)),
                    List.of(replay.group(1), replay.group(2), replay.group(3)));
            assertEquals(ids, fileIds(alerts), "the torn line was dropped and nothing was added");
        }
    }

    /** 900 new alert ids and 100 repeats, spread over the four theme topics, paced so the kill lands mid-burst. */
    private static void produceBurst(String bootstrap, Set<String> unique) {
        try (KafkaProducer<String, byte[]> producer = SinkItSupport.rawProducer(bootstrap)) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                String id = i % 10 == 9 ? sent.get(sent.size() / 2) : "burst-" + i;
                String theme = THEMES.get(Math.floorMod(id.hashCode(), THEMES.size()));
                Severity severity = Severity.values()[i % 3];
                producer.send(new ProducerRecord<>(Topics.alerts(theme), theme, json(alert(id, theme, severity))));
                sent.add(id);
                synchronized (unique) {
                    unique.add(id);
                }
                if (i % 20 == 19) {
                    producer.flush();
                    Thread.sleep(40);
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process startSink(String bootstrap, Path clientConfig, Path alerts, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"),
                SinkProcessMain.class.getName(), "--bootstrap-servers", bootstrap, "--group-id", GROUP,
                "--kafka-config", clientConfig.toString(), "--alerts-dir", alerts.toString(), "--no-console");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitGroupMember(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            await("the sink to join its group", Duration.ofSeconds(60), () -> {
                try {
                    ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
                    return d.members().size() == 1 && !d.members().iterator().next().assignment().topicPartitions().isEmpty();
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    private static void resetOffsetsToZero(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
            admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .keySet().forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(GROUP, zero).all().get(30, TimeUnit.SECONDS);
        }
        assertEquals(0, committedTotal(bootstrap));
    }

    private static long committedTotal(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return offsets.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            return -1;
        }
    }
}
