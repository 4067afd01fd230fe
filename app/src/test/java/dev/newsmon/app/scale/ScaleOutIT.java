package dev.newsmon.app.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.common.Article;
import dev.newsmon.ingest.ArticleFiles;
import dev.newsmon.processor.ProcessCommand;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.classify.Themes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 7 "scale proven locally": two processor instances on a 3-broker cluster (RF 3, min ISR 2, exactly_once_v2),
 * one broker stopped halfway through the corpus, produce exactly the classified articles and alerts of one instance
 * on one broker.
 */
class ScaleOutIT {
    private static final Path SAMPLES = Path.of(System.getProperty("newsmon.samples", "../samples/articles"));
    /** Both runs use the same partitioning: what is under test is instances and brokers, not the key spread. */
    private static final int PARTITIONS = 4;
    private static final Duration START_WAIT = Duration.ofSeconds(90);
    private static final List<String> THEMES = Themes.loadDefault().names();

    @TempDir
    static Path dir;
    static List<Article> corpus;
    /** Whatever a failed run left open; each run closes its own in a finally, this is the backstop. */
    static final List<AutoCloseable> leftOpen = new ArrayList<>();

    @BeforeAll
    static void readCorpus() {
        // Read once: ingest stamps `ingested` with the clock, and both runs must get identical records.
        corpus = ArticleFiles.read(SAMPLES).stream()
                .sorted(Comparator.comparing(Article::eventTime).thenComparing(Article::id))
                .limit(Integer.getInteger("newsmon.scale.limit", Integer.MAX_VALUE))
                .toList();
    }

    @AfterAll
    static void closeLeftovers() throws Exception {
        for (int i = leftOpen.size() - 1; i >= 0; i--) {
            leftOpen.get(i).close();
        }
    }

    /*
     * Alerts fire as articles arrive, so any interleaving of articles changes what the signal rules see when.
     * To compare like with like, both runs get the corpus in event-time order and each article is fully
     * processed (no backlog on news.articles or the repartition topics) before the next is sent. With that,
     * the only differences between the runs are the ones under test: brokers, replication, instances, failure.
     */
    @Test
    void twoInstancesOnThreeBrokersWithOneStoppedMatchOneInstanceOnOneBroker() throws Exception {
        assertTrue(corpus.size() >= 30, "sample corpus has " + corpus.size() + " articles");
        long t0 = System.nanoTime();
        Run reference = referenceRun();
        long t1 = System.nanoTime();
        Outputs scaled = scaledRun(reference.tasks());
        long t2 = System.nanoTime();
        System.out.printf("ScaleOutIT: %d articles; reference run %d ms, scaled run %d ms; classified %d (%d records),"
                        + " alerts %d, dead letters %d in the reference; classified %d (%d records), alerts %d,"
                        + " dead letters %d scaled%n",
                corpus.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                reference.outputs().classified().size(), reference.outputs().classifiedRecords(),
                reference.outputs().alertCount(), reference.outputs().deadLetters(),
                scaled.classified().size(), scaled.classifiedRecords(), scaled.alertCount(), scaled.deadLetters());

        Outputs expected = reference.outputs();
        String diff = Outputs.diff(expected, scaled);
        assertEquals("", diff, "scaled run differs from the single-instance run:" + diff);
        assertFalse(expected.classified().isEmpty(), "the reference run classified nothing");
        assertFalse(expected.alerts().isEmpty(), "the reference run raised no alert: nothing to compare");
        assertEquals(expected.classifiedRecords(), scaled.classifiedRecords(), "records on news.classified");
        assertEquals(expected.deadLetters(), scaled.deadLetters(), "records on news.dlq");
    }

    record Run(Outputs outputs, int tasks) {
    }

    /** One broker, replication 1, one processor instance. */
    private static Run referenceRun() throws Exception {
        EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("reference-kafka"), false);
        leftOpen.add(broker);
        try {
            String bootstrap = broker.bootstrapServers();
            createTopics(bootstrap, (short) 1);
            String appId = "it-scale-reference";
            ProcessorService processor = processor(bootstrap, appId, dir.resolve("reference-streams"));
            leftOpen.add(processor);
            try {
                processor.start();
                int tasks = awaitTasksShared(List.of(processor), -1);
                try (PacedFeed feed = new PacedFeed(bootstrap, appId, failure(List.of(processor)))) {
                    for (Article a : corpus) {
                        feed.sendAndDrain(a);
                    }
                    System.out.println("ScaleOutIT: reference feed " + feed.timings());
                }
                return new Run(Outputs.read(bootstrap, THEMES), tasks);
            } finally {
                processor.close();
            }
        } finally {
            broker.close();
        }
    }

    /** Three brokers, replication 3 and min ISR 2, two instances of one application, a broker stopped halfway. */
    private static Outputs scaledRun(int tasks) throws Exception {
        List<EmbeddedBroker> cluster = EmbeddedBroker.startCluster(3, dir.resolve("cluster-kafka"), false);
        leftOpen.add(() -> EmbeddedBroker.closeCluster(cluster));
        List<ProcessorService> processors = new ArrayList<>();
        try {
            // Every client gets all three addresses, so losing any one broker loses no client.
            String bootstrap = EmbeddedBroker.bootstrapServers(cluster);
            createTopics(bootstrap, (short) 3);
            String appId = "it-scale-out";
            for (int i = 1; i <= 2; i++) {
                ProcessorService p = processor(bootstrap, appId, dir.resolve("scaled-streams-" + i));
                processors.add(p);
                leftOpen.add(p);
                p.start();
            }
            awaitTasksShared(processors, tasks);
            EmbeddedBroker stopped;
            try (PacedFeed feed = new PacedFeed(bootstrap, appId, failure(processors))) {
                int half = corpus.size() / 2;
                for (Article a : corpus.subList(0, half)) {
                    feed.sendAndDrain(a);
                }
                stopped = groupCoordinator(cluster, bootstrap, appId);
                long t = System.nanoTime();
                stopped.close();
                System.out.printf("ScaleOutIT: stopped broker %d (the group coordinator) after %d of %d articles"
                        + " in %d ms%n", stopped.nodeId(), half, corpus.size(), (System.nanoTime() - t) / 1_000_000);
                for (Article a : corpus.subList(half, corpus.size())) {
                    feed.sendAndDrain(a);
                }
                System.out.println("ScaleOutIT: scaled feed " + feed.timings());
            }
            String live = EmbeddedBroker.bootstrapServers(cluster.stream().filter(EmbeddedBroker::isRunning).toList());
            assertReplicated(live, stopped.nodeId());
            for (ProcessorService p : processors) {
                assertTrue(processed(p.streams()) > 0, "an instance processed nothing: the work was not shared");
            }
            return Outputs.read(live, THEMES);
        } finally {
            for (ProcessorService p : processors) {
                p.close();
            }
            EmbeddedBroker.closeCluster(cluster);
        }
    }

    private static void createTopics(String bootstrap, short replication) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.ensure(admin, TopicSetup.newTopics(THEMES, PARTITIONS, replication));
        }
    }

    /** Built from a command line exactly as {@code newsmon process} builds it; exactly_once_v2 is its default. */
    private static ProcessorService processor(String bootstrap, String appId, Path stateDir) {
        ProcessCommand command = new ProcessCommand();
        List<String> args = new ArrayList<>(List.of("--bootstrap-servers", bootstrap, "--application-id", appId,
                "--state-dir", stateDir.toString(), "--no-api"));
        if (System.getProperty("xx.kafkaConfig") != null) { args.add("--kafka-config"); args.add(System.getProperty("xx.kafkaConfig")); }
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command.service();
    }

    private static Supplier<String> failure(List<ProcessorService> processors) {
        return () -> processors.stream().anyMatch(ProcessorService::failed) ? "a processor instance failed" : null;
    }

    /**
     * Waits until every instance runs with active tasks of its own, no task twice, and (when {@code expected}
     * is not -1) all {@code expected} tasks placed; returns how many tasks there are.
     */
    private static int awaitTasksShared(List<ProcessorService> processors, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            assertFalse(processors.stream().anyMatch(ProcessorService::failed), "a processor failed to start");
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
            assertTrue(System.nanoTime() < deadline, "tasks not shared within " + START_WAIT + ": " + owned);
            Thread.sleep(100);
        }
    }

    /** The broker coordinating the application's group: stopping it makes the group move mid-stream. */
    private static EmbeddedBroker groupCoordinator(List<EmbeddedBroker> cluster, String bootstrap, String group)
            throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicDescription offsets = admin.describeTopics(List.of("__consumer_offsets")).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get("__consumer_offsets");
            // Kafka's own placement of a group on an offsets partition; that partition's leader coordinates it.
            int partition = Utils.abs(group.hashCode()) % offsets.partitions().size();
            int leader = offsets.partitions().get(partition).leader().id();
            return cluster.stream().filter(b -> b.nodeId() == leader).findFirst().orElseThrow();
        }
    }

    /** Every topic, Streams' own included, has 3 replicas and still 2 in sync without the stopped broker. */
    private static void assertReplicated(String bootstrap, int stoppedNode) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertTrue(names.stream().anyMatch(n -> n.endsWith("-changelog")), "no changelog topics: " + names);
            for (TopicDescription d : admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                for (TopicPartitionInfo p : d.partitions()) {
                    assertEquals(3, p.replicas().size(), d.name() + "-" + p.partition() + " replicas");
                    assertTrue(p.isr().size() >= 2 && p.isr().stream().noneMatch(n -> n.id() == stoppedNode),
                            d.name() + "-" + p.partition() + " in-sync replicas " + p.isr());
                }
            }
            String node = Integer.toString(stoppedNode == 1 ? 2 : 1);
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node);
            Config config = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);
            assertEquals("2", config.get("min.insync.replicas").value(), "broker min.insync.replicas");
        }
    }

    /** Records this instance's stream threads processed, from Streams' own thread metrics. */
    private static double processed(KafkaStreams streams) {
        double total = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
            MetricName name = e.getKey();
            if (name.name().equals("process-total") && name.group().equals("stream-thread-metrics")) {
                total += ((Number) e.getValue().metricValue()).doubleValue();
            }
        }
        return total;
    }
}
