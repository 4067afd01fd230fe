package dev.newsmon.sink;

import dev.newsmon.common.Durations;
import dev.newsmon.common.Alert;
import dev.newsmon.common.DeadLetter;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.Service;
import dev.newsmon.common.Topics;
import dev.newsmon.common.metrics.MetricsSource;
import dev.newsmon.sink.AlertDecoder.MalformedAlertException;
import dev.newsmon.sink.atom.AtomFeedWriter;
import dev.newsmon.sink.console.ConsoleWriter;
import dev.newsmon.sink.digest.AlertDigest;
import dev.newsmon.sink.digest.DigestBuffer;
import dev.newsmon.sink.file.JsonLinesWriter;
import dev.newsmon.sink.webhook.DeliveryLog;
import dev.newsmon.sink.webhook.WebhookWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink stage: reads every {@code news.alerts.*} topic and hands each alert to the configured writers.
 * Per poll: console (and webhook, asynchronously) first, then the JSON Lines file is written and fsynced,
 * then the Atom feed is replaced, and only then are offsets committed — up to the first record whose
 * webhook delivery (or digest) is still under way. Repeats after a crash are dropped by alert id.
 */
public final class SinkService implements Service {
    private static final Logger log = LoggerFactory.getLogger(SinkService.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final Duration POLL = Duration.ofMillis(500);

    private final SinkConfig config;
    private final PrintStream out;
    private final boolean colour;
    private final Clock clock;
    private final OffsetTracker tracker = new OffsetTracker();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    private JsonLinesWriter file;
    private volatile boolean sharedAlertsDir;
    private ConsoleWriter console;
    private AtomFeedWriter atom;
    private volatile WebhookWriter webhook;
    private DigestBuffer digest;
    private KafkaConsumer<byte[], byte[]> consumer;
    private Producer<String, DeadLetter> deadLetters;
    private Thread loop;
    private volatile boolean running;
    private volatile Throwable failure;
    private volatile Map<MetricName, ? extends Metric> consumerMetrics = Map.of();
    private volatile Map<MetricName, ? extends Metric> producerMetrics = Map.of();

    /** Counters since start, for tests and for {@code newsmon up} to report. */
    public record Stats(long received, long written, long duplicates, long filtered, long malformed) {
    }

    public SinkService(SinkConfig config, PrintStream out, boolean colour, Clock clock) {
        this.config = config;
        this.out = out;
        this.colour = colour;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sink";
    }

    /**
     * Lets this sink start even when another running sink keeps the alerts directory; it then only reads the ids
     * there. {@code up} uses this so a `newsmon sink --webhook ...` started first does not stop it.
     */
    public void allowSharedAlertsDir() {
        this.sharedAlertsDir = true;
    }

    @Override
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        try {
            // A sink started for its webhook or feed may run beside the one (e.g. in `up`) that keeps the files.
            boolean mayShare = sharedAlertsDir || config.webhook() != null || config.atomFile() != null;
            file = JsonLinesWriter.open(config.alertsDir(), clock, mayShare);
            console = config.console() ? new ConsoleWriter(out, colour) : null;
            if (config.atomFile() != null) {
                atom = new AtomFeedWriter(config.atomFile(), config.atomSize(), clock);
                atom.seed(file.tail(config.atomSize())); // the files are the truth; the feed is derived from them
                atom.flush();
            }
            digest = config.digest() != null ? new DigestBuffer(config.digest()) : null;
            deadLetters = new KafkaProducer<>(SinkClients.producerConfig(config.kafka()), new StringSerializer(),
                    JsonSerde.of(DeadLetter.class));
            if (config.webhook() != null) {
                // One log per endpoint: pointing the sink at a new URL delivers the backlog there too.
                String name = ".webhook-" + Integer.toHexString(config.webhook().toString().hashCode()) + ".delivered";
                webhook = new WebhookWriter(config.webhook(), config.webhookFormat(), config.webhookGiveUp(),
                        config.webhookBackoff(), new DeliveryLog(config.alertsDir().resolve(name)),
                        letter -> send(Topics.FAILED_DELIVERIES, letter.key(), letter), clock);
            }
            consumer = new KafkaConsumer<>(SinkClients.consumerConfig(config.kafka(), config.groupId()));
            consumerMetrics = consumer.metrics();
            producerMetrics = deadLetters.metrics();
        } catch (RuntimeException e) {
            releaseAfterFailedStart();
            throw e;
        }
        log.info("sink started: group {}, topics {}, file {} ({} alert ids known{}){}{}{}{}",
                config.groupId(), Topics.ALERTS_PREFIX + "*", config.alertsDir(), file.indexedIds(),
                file.owner() ? "" : "; another sink writes it, this one only reads",
                console != null ? ", console" : "",
                webhook != null ? ", webhook " + WebhookWriter.redacted(config.webhook()) + " (" + config.webhookFormat() + ")" : "",
                atom != null ? ", atom " + config.atomFile() : "",
                digest != null ? ", digest every " + Durations.format(config.digest()) : "");
        running = true;
        loop = new Thread(this::run, "newsmon-sink");
        loop.start();
    }

    private void run() {
        try {
            consumer.subscribe(Topics.ALERTS_PATTERN, new Rebalance());
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                Instant now = clock.instant();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    handle(r, now);
                }
                // The processor writes alerts in transactions: the commit marker after the last alert takes an
                // offset too. Committing the consumer's next offset (not last + 1) leaves no phantom lag of one.
                records.nextOffsets().forEach((tp, next) -> tracker.track(tp, next.offset() - 1, DONE));
                file.flush();
                if (atom != null) {
                    atom.flush();
                }
                if (digest != null) {
                    digest.emitDue(now, this::emitDigest);
                }
                commitFinished();
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
                log.error("sink stopped unexpectedly: {}", e.toString());
            }
        } catch (RuntimeException e) {
            failure = e;
            log.error("sink failed and stopped: {}", e.toString());
        } finally {
            shutdown();
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r, Instant now) {
        received.incrementAndGet();
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        Alert alert;
        try {
            alert = AlertDecoder.decode(r.topic(), r.value());
        } catch (MalformedAlertException e) {
            malformed.incrementAndGet();
            log.warn("malformed alert at {}-{}@{} sent to {}: {}", r.topic(), r.partition(), r.offset(),
                    Topics.DEAD_LETTER, e.getMessage());
            String key = text(r.key());
            tracker.track(tp, r.offset(), send(Topics.DEAD_LETTER, key, new DeadLetter("sink", e.getMessage(),
                    r.topic(), r.partition(), r.offset(), key, text(r.value()), now)));
            return;
        }
        if (!config.filter().accepts(alert)) {
            filtered.incrementAndGet();
            tracker.track(tp, r.offset(), DONE);
            return;
        }
        Delivery d = new Delivery(alert, r.topic(), r.partition(), r.offset());
        if (file.append(alert)) {
            written.incrementAndGet();
            if (atom != null) {
                atom.add(alert);
            }
        } else {
            duplicates.incrementAndGet();
        }
        CompletableFuture<Void> done;
        if (digest != null) {
            done = digest.add(d, now);
        } else {
            if (console != null) {
                console.print(alert);
            }
            done = webhook != null ? webhook.deliver(d) : DONE;
        }
        tracker.track(tp, r.offset(), done);
    }

    private CompletableFuture<Void> emitDigest(String theme, Instant start, Instant end, List<Delivery> deliveries) {
        if (console != null) {
            console.print(new AlertDigest(theme, start, end, deliveries.stream().map(Delivery::alert).toList()));
        }
        return webhook != null ? webhook.deliver(theme, start, end, deliveries) : DONE;
    }

    private CompletableFuture<Void> send(String topic, String key, DeadLetter letter) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            deadLetters.send(new ProducerRecord<>(topic, key, letter), (meta, e) -> {
                if (e == null) {
                    acked.complete(null);
                } else {
                    log.warn("cannot write to {}: {}", topic, e.getMessage());
                    acked.completeExceptionally(e);
                }
            });
        } catch (KafkaException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private void commitFinished() {
        Map<TopicPartition, Long> rewind = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> commits = tracker.committable(rewind);
        if (!commits.isEmpty()) {
            try {
                consumer.commitSync(commits);
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                // Lost the partitions meanwhile: the new owner re-reads, and ids keep the writers from repeating.
                log.warn("offset commit failed, records will be re-read: {}", e.getMessage());
            }
        }
        rewind.forEach((tp, offset) -> {
            log.warn("delivery from {} at offset {} failed; re-reading from there", tp, offset);
            consumer.seek(tp, offset);
        });
    }

    private void shutdown() {
        try {
            file.flush();
            if (atom != null) {
                atom.flush();
            }
            commitFinished();
        } catch (RuntimeException e) {
            log.warn("final commit skipped: {}", e.getMessage());
        }
        if (webhook != null) {
            webhook.close(); // unfinished deliveries stay uncommitted and are retried by the next run
        }
        try {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        } catch (RuntimeException e) {
            log.warn("closing the consumer: {}", e.getMessage());
        }
        deadLetters.close(Duration.ofSeconds(5));
        try {
            file.close();
        } catch (RuntimeException e) {
            log.warn("closing {}: {}", config.alertsDir(), e.getMessage());
        }
        Stats s = stats();
        log.info("sink stopped: {} alerts received, {} written, {} duplicates skipped, {} filtered out, {} malformed",
                s.received(), s.written(), s.duplicates(), s.filtered(), s.malformed());
    }

    public Stats stats() {
        return new Stats(received.get(), written.get(), duplicates.get(), filtered.get(), malformed.get());
    }

    /** For /metrics: the consumer's metrics (records-lag-max, records-consumed-total...), and alerts per writer. */
    public MetricsSource metrics() {
        return out -> {
            out.kafka(consumerMetrics).kafka(producerMetrics);
            Stats s = stats();
            String perWriter = "Alerts each writer handled, by outcome";
            out.counter("newsmon_sink_alerts_received_total", "Alert records read from news.alerts.*", Map.of(),
                    s.received());
            out.counter("newsmon_sink_alerts_filtered_total", "Alerts left out by --themes/--min-severity", Map.of(),
                    s.filtered());
            out.counter("newsmon_sink_malformed_total", "Unreadable alert records sent to " + Topics.DEAD_LETTER,
                    Map.of(), s.malformed());
            out.counter("newsmon_sink_alerts_total", perWriter, Map.of("writer", "file", "outcome", "written"),
                    s.written());
            out.counter("newsmon_sink_alerts_total", perWriter, Map.of("writer", "file", "outcome", "duplicate"),
                    s.duplicates());
            WebhookWriter w = webhook;
            if (w != null) {
                WebhookWriter.Counts c = w.counts();
                out.counter("newsmon_sink_alerts_total", perWriter,
                        Map.of("writer", "webhook", "outcome", "delivered"), c.delivered());
                out.counter("newsmon_sink_alerts_total", perWriter, Map.of("writer", "webhook", "outcome", "failed"),
                        c.failed());
                out.counter("newsmon_sink_alerts_total", perWriter,
                        Map.of("writer", "webhook", "outcome", "duplicate"), c.duplicates());
            }
        };
    }

    /** True while the delivery loop runs without a failure; what /health reports. */
    public boolean healthy() {
        return running && failure == null;
    }

    /** Why the stage stopped on its own, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Blocks until the stage has stopped (after {@link #close()} or a failure). */
    public void awaitTermination() throws InterruptedException {
        Thread t;
        synchronized (this) {
            t = loop;
        }
        if (t != null) {
            t.join();
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = loop;
            if (t == null || !running) {
                running = false;
            } else {
                running = false;
                consumer.wakeup();
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void releaseAfterFailedStart() {
        if (webhook != null) {
            webhook.close();
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ZERO);
        }
        if (file != null) {
            file.close();
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("sink assigned {}", describe(partitions));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // Everything polled so far is already in the file (flushed each loop), so commit what is finished.
            file.flush();
            commitFinished();
            tracker.forget(partitions);
            log.info("sink revoked {}", describe(partitions));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            tracker.forget(partitions);
            log.info("sink lost {}", describe(partitions));
        }

        private String describe(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::toString).sorted().collect(Collectors.joining(", "));
        }
    }
}
