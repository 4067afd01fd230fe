package dev.newsmon.app.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.Article;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.processor.ProcessorService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.TaskId;
import picocli.CommandLine;

/** One newsmon processing set-up under test: its brokers, its processor instances of one application, its feed. */
final class Deployment implements AutoCloseable {
    private static final Duration START_WAIT = Duration.ofSeconds(90);

    private final String applicationId;
    private final List<EmbeddedBroker> brokers;
    private final List<ProcessorService> processors = new ArrayList<>();
    private PacedFeed feed;

    private Deployment(String applicationId, List<EmbeddedBroker> brokers) {
        this.applicationId = applicationId;
        this.brokers = brokers;
    }

    /**
     * Starts {@code brokerCount} brokers (replication 1 on one, 3 with min ISR 2 on three), creates the topics
     * with {@code partitions} each and starts {@code instances} processors sharing one application id.
     */
    static Deployment start(String applicationId, Path dir, int brokerCount, int instances, int partitions,
                            List<String> themes) throws Exception {
        Path data = dir.resolve(applicationId);
        Deployment d = new Deployment(applicationId, brokerCount == 1
                ? List.of(EmbeddedBroker.start(0, data.resolve("kafka"), false))
                : EmbeddedBroker.startCluster(brokerCount, data.resolve("kafka"), false));
        try {
            try (Admin admin = d.admin()) {
                TopicSetup.ensure(admin, TopicSetup.newTopics(themes, partitions, (short) Math.min(3, brokerCount)));
            }
            for (int i = 1; i <= instances; i++) {
                ProcessorService p = processor(d.bootstrap(), applicationId, data.resolve("streams-" + i));
                d.processors.add(p);
                p.start();
            }
            d.feed = new PacedFeed(d.bootstrap(), applicationId, () -> d.processors.stream()
                    .anyMatch(ProcessorService::failed) ? "a processor instance of " + applicationId + " failed" : null);
            return d;
        } catch (Exception | AssertionError e) {
            d.close();
            throw e;
        }
    }

    /** Built from a command line exactly as {@code newsmon process} builds it; exactly_once_v2 is its default. */
    private static ProcessorService processor(String bootstrap, String appId, Path stateDir) {
        ProcessCommand command = new ProcessCommand();
        new CommandLine(command).parseArgs("--bootstrap-servers", bootstrap, "--application-id", appId,
                "--state-dir", stateDir.toString(), "--no-api");
        return command.service();
    }

    /** Every address of every broker still running: clients given all three lose nothing when one stops. */
    String bootstrap() {
        return EmbeddedBroker.bootstrapServers(brokers.stream().filter(EmbeddedBroker::isRunning).toList());
    }

    private Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap()));
    }

    void send(Article article) throws Exception {
        feed.send(article);
    }

    void awaitDrained() throws Exception {
        feed.awaitDrained();
    }

    String feedTimings() {
        return feed.timings();
    }

    /**
     * Waits until every instance runs with active tasks of its own, no task twice, and (unless {@code expected}
     * is -1) all {@code expected} tasks placed; returns how many tasks there are.
     */
    int awaitTasksShared(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            assertFalse(processors.stream().anyMatch(ProcessorService::failed), applicationId + " failed to start");
            List<Set<TaskId>> owned = new ArrayList<>();
            boolean running = true;
            for (ProcessorService p : processors) {
                KafkaStreams s = p.streams();
                running &= s.state() == KafkaStreams.State.RUNNING;
                Set<TaskId> tasks = new HashSet<>();
                for (ThreadMetadata thread : s.metadataForLocalThreads()) {
                    thread.activeTasks().stream().map(TaskMetadata::taskId).forEach(tasks::add);
                }
                owned.add(tasks);
            }
            Set<TaskId> all = new HashSet<>();
            owned.forEach(all::addAll);
            int total = owned.stream().mapToInt(Set::size).sum();
            if (running && owned.stream().noneMatch(Set::isEmpty) && total == all.size()
                    && (expected == -1 || total == expected)) {
                return total;
            }
            assertTrue(System.nanoTime() < deadline, applicationId + " tasks not shared within " + START_WAIT
                    + ": " + owned);
            Thread.sleep(100);
        }
    }

    /** Stops the broker coordinating the application's group, so the group has to move mid-stream. */
    EmbeddedBroker stopGroupCoordinator() throws Exception {
        int leader;
        try (Admin admin = admin()) {
            TopicDescription offsets = admin.describeTopics(List.of("__consumer_offsets")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("__consumer_offsets");
            // Kafka's own placement of a group on an offsets partition; that partition's leader coordinates it.
            int partition = Utils.abs(applicationId.hashCode()) % offsets.partitions().size();
            leader = offsets.partitions().get(partition).leader().id();
        }
        EmbeddedBroker victim = brokers.stream().filter(b -> b.nodeId() == leader).findFirst().orElseThrow();
        victim.close();
        return victim;
    }

    /** Every topic, Streams' own included, has 3 replicas, 2 or more still in sync, and the brokers min ISR 2. */
    void assertReplicatedWithout(int stoppedNode) throws Exception {
        try (Admin admin = admin()) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-changelog")), "no changelog topics: " + names);
            for (TopicDescription d : admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                for (TopicPartitionInfo p : d.partitions()) {
                    assertEquals(3, p.replicas().size(), d.name() + "-" + p.partition() + " replicas");
                    assertTrue(p.isr().size() >= 2 && p.isr().stream().noneMatch(n -> n.id() == stoppedNode),
                            d.name() + "-" + p.partition() + " in-sync replicas " + p.isr());
                }
            }
            String live = Integer.toString(stoppedNode == 1 ? 2 : 1);
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, live);
            Config config = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);
            assertEquals("2", config.get("min.insync.replicas").value(), "broker min.insync.replicas");
        }
    }

    /** Records each instance's stream threads processed, from Streams' own thread metrics. */
    List<Double> processedPerInstance() {
        List<Double> out = new ArrayList<>();
        for (ProcessorService p : processors) {
            double total = 0;
            for (Map.Entry<MetricName, ? extends Metric> e : p.streams().metrics().entrySet()) {
                MetricName name = e.getKey();
                if (name.name().equals("process-total") && name.group().equals("stream-thread-metrics")) {
                    total += ((Number) e.getValue().metricValue()).doubleValue();
                }
            }
            out.add(total);
        }
        return out;
    }

    Outputs outputs(List<String> themes) {
        return Outputs.read(bootstrap(), themes);
    }

    /** Closes the feed, then the processors, then all brokers at once (one by one, the last lose their quorum). */
    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
        for (ProcessorService p : processors) {
            p.close();
        }
        if (brokers.size() == 1) {
            brokers.get(0).close();
        } else {
            EmbeddedBroker.closeCluster(brokers);
        }
    }
}
