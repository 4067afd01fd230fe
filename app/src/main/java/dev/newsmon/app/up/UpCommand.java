package dev.newsmon.app.up;

import dev.newsmon.app.broker.BrokerOptions;
import dev.newsmon.app.broker.EmbeddedBroker;
import dev.newsmon.app.topics.TopicOptions;
import dev.newsmon.app.topics.TopicSetup;
import dev.newsmon.app.topics.TopicsCommand;
import dev.newsmon.common.KafkaOptions;
import dev.newsmon.common.Service;
import dev.newsmon.common.metrics.MetricsSource;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.sink.SinkService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = UpCommand.EmbeddedByDefault.class,
        description = {"Run the whole pipeline in this process: an embedded Kafka broker (unless --bootstrap-servers "
                + "or NEWSMON_BOOTSTRAP_SERVERS is set), the topics, the processor and the sink; then ingest the "
                + "sample corpus. Runs until Ctrl-C.",
                "With the embedded broker, processor state and the ingest ledger live under --data-dir too.",
                "With --once: wait until the corpus is processed and every alert delivered, stop, exit 0."})
public final class UpCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(UpCommand.class);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    BrokerOptions broker;

    @Mixin
    TopicOptions topics;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "${NEWSMON_SAMPLES:-samples/articles}",
            description = "Corpus ingested at start (env NEWSMON_SAMPLES; default ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--once", description = "Exit once the corpus is fully processed and delivered. The embedded "
            + "broker then uses a throwaway dir under --data-dir, removed at exit, so every run starts empty.")
    boolean once;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "${NEWSMON_TIMEOUT:-120}",
            description = "With --once, give up and exit 1 after this long (env NEWSMON_TIMEOUT; default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** Here, no --bootstrap-servers means "start the embedded broker", not the usual localhost:9092. */
    static final class EmbeddedByDefault implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec shared = spec.findOption("--bootstrap-servers");
            spec.remove(shared);
            spec.addOption(shared.toBuilder().description("Use this Kafka cluster instead of starting the embedded "
                    + "broker (env NEWSMON_BOOTSTRAP_SERVERS; default: none, start the embedded broker).").build());
            return spec;
        }
    }

    /** Closed in reverse start order: stages before the broker they talk to. */
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private Path throwaway;
    /** The corpus ingest's counters, shown on the processor's /metrics. */
    private final List<MetricsSource> ingestMetrics = new ArrayList<>();

    /** The cluster to use, and where stage state goes (null: the stages' own defaults). */
    private record Target(KafkaOptions kafka, Path stateDir) {
    }

    private record Pipeline(Stages.Stage processor, Stages.Stage sink) {
        String failure() {
            return Stream.of(processor, sink).map(s -> s.failure().get()).filter(Objects::nonNull)
                    .findFirst().orElse(null);
        }
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout must be at least 1 second, not " + timeoutSeconds);
        }
        if (!Files.isDirectory(samples)) {
            throw new IllegalArgumentException("--samples " + samples + ": no such directory");
        }
        if (once) {
            try {
                return runOnce(t0);
            } finally {
                stopAll();
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: stages first, then the broker, so their last commits still reach it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAll();
            stopped.countDown();
        }, "newsmon-up-shutdown"));
        Target target = connect();
        int ingestExit = ingest(target);
        startStages(target);
        if (ingestExit != 0) {
            log.warn("ingest of {} reported problems (exit {}); the pipeline keeps running", samples, ingestExit);
        }
        log.info("newsmon is up on {} after {} ms; Ctrl-C stops it", bootstrap(target.kafka()), millisSince(t0));
        stopped.await();
        return 0;
    }

    private int runOnce(long t0) throws Exception {
        Target target = connect();
        int ingestExit = ingest(target);
        Pipeline pipeline = startStages(target);
        long deadline = t0 + Duration.ofSeconds(timeoutSeconds).toNanos();
        try (PendingRecords pending = new PendingRecords(target.kafka().clientProperties())) {
            new DrainWait(pending, pipeline.processor().group(), pipeline.sink().group(), pipeline::failure)
                    .await(deadline, timeoutSeconds);
        }
        if (ingestExit != 0) {
            throw new IllegalStateException("ingest of " + samples + " reported problems (exit " + ingestExit
                    + "); the rest was processed");
        }
        log.info("corpus processed and alerts delivered in {} ms", millisSince(t0));
        return 0;
    }

    /** Starts the embedded broker unless one was named, and makes sure the topics exist. */
    private Target connect() throws Exception {
        KafkaOptions target = kafka;
        Path stateDir = null;
        if (kafka.bootstrapServers().isEmpty()) {
            stateDir = broker.dataDir();
            if (once) {
                // Under the data dir rather than /tmp, which the OS may clean under a running Streams app.
                Files.createDirectories(stateDir);
                throwaway = Files.createTempDirectory(stateDir, "once-");
                stateDir = throwaway;
            } else if (broker.fresh()) {
                // Stream state built from the wiped broker data would only be found stale and thrown away.
                deleteRecursively(stateDir.resolve("streams"));
            }
            EmbeddedBroker embedded = EmbeddedBroker.start(broker.port(), stateDir, once || broker.fresh());
            running.push(embedded);
            target = kafka.withBootstrapServers(embedded.bootstrapServers());
        }
        TopicsCommand.report(TopicSetup.ensure(target.clientProperties(), topics.newTopics()));
        return new Target(target, stateDir);
    }

    /*
     * The corpus goes in before the processor starts: it then finds the whole backlog at once and takes it
     * in much the same order every run, where racing ingest made each run's alerts a little different.
     */
    private int ingest(Target target) {
        return stages(target).ingest(samples, ingestMetrics::add);
    }

    private Pipeline startStages(Target target) {
        Stages stages = stages(target);
        Stages.Stage processor = stages.processor();
        Stages.Stage sink = stages.sink();
        if (processor.service() instanceof ProcessorService p) {
            // One scrape shows the whole pipeline: the processor API's /metrics adds the in-process sink and ingest.
            if (sink.service() instanceof SinkService s) {
                p.addMetrics(s.metrics());
            }
            ingestMetrics.forEach(p::addMetrics);
        }
        for (Stages.Stage stage : List.of(processor, sink)) {
            stage.service().start();
            running.push(stage.service());
        }
        return new Pipeline(processor, sink);
    }

    private Stages stages(Target target) {
        return new Stages(target.kafka(), target.stateDir(), topics.themesFile(), !once);
    }

    private synchronized void stopAll() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", next instanceof Service s ? s.name() : "the broker", e.getMessage());
            }
        }
        if (throwaway != null) {
            try {
                deleteRecursively(throwaway);
            } catch (IOException e) {
                log.warn("could not remove {}: {}", throwaway, e.getMessage());
            }
            throwaway = null;
        }
    }

    private static String bootstrap(KafkaOptions options) {
        return String.valueOf(options.clientProperties().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
