package dev.newsmon.ingest.publish;

import dev.newsmon.ingest.IngestException;
import dev.newsmon.ingest.Problems;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends articles (already serialised JSON) keyed by id, skipping ids already sent in this run or acknowledged by an earlier one
 * (unless forced). Acknowledged ids go into the ledger; a failed send is reported as one error line.
 */
public final class ArticlePublisher implements AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final PublishedLedger ledger;
    private final boolean force;
    private final RunCounts counts;
    private final Problems problems;
    private final Set<String> sentThisRun = ConcurrentHashMap.newKeySet();

    public ArticlePublisher(Producer<String, byte[]> producer, String topic, PublishedLedger ledger, boolean force,
                            RunCounts counts, Problems problems) {
        this.producer = producer;
        this.topic = topic;
        this.ledger = ledger;
        this.force = force;
        this.counts = counts;
        this.problems = problems;
    }

    public String topic() {
        return topic;
    }

    /** Sends one serialised article asynchronously; {@code where} names the input in a delivery error. */
    public void publish(String id, byte[] article, String where) {
        if (!sentThisRun.add(id)) {
            counts.duplicates.incrementAndGet();
            return;
        }
        if (!force && ledger.contains(id)) {
            counts.alreadyPublished.incrementAndGet();
            return;
        }
        try {
            producer.send(new ProducerRecord<>(topic, id, article), (metadata, error) -> {
                if (error == null) {
                    ledger.record(id);
                    counts.published.incrementAndGet();
                } else {
                    // Not in the ledger, so the next run tries this article again.
                    sentThisRun.remove(id);
                    problems.error(where + ": not published (id " + id + "): " + IngestException.oneLine(
                            error.getClass().getSimpleName() + ": " + error.getMessage()));
                }
            });
        } catch (RuntimeException e) {
            // send() itself failing (buffer full past max.block.ms, closed producer) stops the whole run.
            throw new IngestException(where + ": cannot publish to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Waits until every sent article is acknowledged or failed. */
    public void flush() {
        producer.flush();
        ledger.flush();
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            ledger.close();
        }
    }
}
