package dev.newsmon.app.scale;

import dev.newsmon.app.up.ProcessorBacklog;
import dev.newsmon.common.Article;
import dev.newsmon.common.JsonSerde;
import dev.newsmon.common.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes articles one at a time and returns only when the processor has finished the one just sent. */
final class PacedFeed implements AutoCloseable {
    /** Generous: a stopped broker moves leaders and coordinators, and the machine is shared. */
    private static final Duration PER_ARTICLE = Duration.ofSeconds(90);
    private static final long POLL_MS = 25;
    /**
     * Zero must hold this many polls in a row: a commit marker reaches the group's offsets and the output
     * partitions one after the other, so for a moment the work can look done when its output is not readable yet.
     */
    private static final int STABLE_POLLS = 3;

    private final KafkaProducer<String, Article> producer;
    private final ProcessorBacklog backlog;
    private final String applicationId;
    private final Supplier<String> failure;
    private long sentAt;
    private String last;
    private long sent;
    private long drainNanos;
    private long slowestNanos;

    /** @param failure why a processor died, or null while all are healthy */
    PacedFeed(String bootstrap, String applicationId, Supplier<String> failure) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                // Every replica in the ISR has the article before we count it as sent: a broker may stop next.
                ProducerConfig.ACKS_CONFIG, "all",
                // Retries across a leader move must not duplicate an article.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), JsonSerde.of(Article.class));
        this.backlog = new ProcessorBacklog(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.applicationId = applicationId;
        this.failure = failure;
    }

    /** Sends {@code article} keyed by id, as ingest does; returns once every in-sync replica has it. */
    void send(Article article) throws Exception {
        sentAt = System.nanoTime();
        producer.send(new ProducerRecord<>(Topics.ARTICLES, article.id(), article)).get();
        last = article.id();
    }

    /** Waits until the processor has nothing left: the article just sent went all the way through. */
    void awaitDrained() throws Exception {
        long deadline = System.nanoTime() + PER_ARTICLE.toNanos();
        int zeros = 0;
        long left = -1;
        while (zeros < STABLE_POLLS) {
            String dead = failure.get();
            if (dead != null) {
                throw new IllegalStateException(dead + " while processing " + last);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format("%s: %d records still unprocessed by %s after %s",
                        last, left, applicationId, PER_ARTICLE));
            }
            left = backlog.pending(applicationId);
            zeros = left == 0 ? zeros + 1 : 0;
            Thread.sleep(POLL_MS);
        }
        long took = System.nanoTime() - sentAt;
        sent++;
        drainNanos += took;
        slowestNanos = Math.max(slowestNanos, took);
    }

    /** "n articles, mean and slowest send-to-drained time", for the test's timing line. */
    String timings() {
        return String.format("%d articles, %d ms mean and %d ms slowest from send to drained", sent,
                sent == 0 ? 0 : drainNanos / sent / 1_000_000, slowestNanos / 1_000_000);
    }

    @Override
    public void close() {
        producer.close();
        backlog.close();
    }
}
