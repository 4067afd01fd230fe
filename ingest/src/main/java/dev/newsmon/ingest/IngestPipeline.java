package dev.newsmon.ingest;

import dev.newsmon.common.KafkaOptions;
import dev.newsmon.common.Topics;
import dev.newsmon.ingest.feed.FeedFetcher;
import dev.newsmon.ingest.publish.ArticlePublisher;
import dev.newsmon.ingest.publish.ClusterCheck;
import dev.newsmon.ingest.publish.IngestProducerConfig;
import dev.newsmon.ingest.publish.PublishedLedger;
import dev.newsmon.ingest.publish.RunCounts;
import dev.newsmon.ingest.read.InputReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Everything one run holds open: producer, ledger, readers. */
final class IngestPipeline implements AutoCloseable {
    final String clusterId;
    final InputReader reader;
    final IngestRun run;
    final FeedFetcher feeds;
    private final ArticlePublisher publisher;
    /** The producer's metrics, for /metrics. */
    final Map<MetricName, ? extends Metric> producerMetrics;
    private final List<AutoCloseable> extras = new ArrayList<>();

    private IngestPipeline(String clusterId, InputReader reader, IngestRun run, FeedFetcher feeds,
                           ArticlePublisher publisher, Map<MetricName, ? extends Metric> producerMetrics) {
        this.clusterId = clusterId;
        this.reader = reader;
        this.run = run;
        this.feeds = feeds;
        this.publisher = publisher;
        this.producerMetrics = producerMetrics;
    }

    static IngestPipeline open(KafkaOptions kafka, Path stateDir, Format format, String lang, boolean force,
                               Duration httpTimeout, long maxBodyBytes, RunCounts counts, Problems problems) {
        var props = kafka.clientProperties();
        String clusterId = ClusterCheck.clusterIdHaving(props, Duration.ofSeconds(15), Topics.ARTICLES);
        PublishedLedger ledger = PublishedLedger.open(stateDir, clusterId);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(IngestProducerConfig.of(props),
                new StringSerializer(), new ByteArraySerializer());
        ArticlePublisher publisher = new ArticlePublisher(producer, Topics.ARTICLES, ledger, force, counts,
                problems);
        InputReader reader = new InputReader(maxBodyBytes, format);
        IngestRun run = new IngestRun(reader, new ArticleAssembler(maxBodyBytes, lang), publisher, counts,
                problems);
        return new IngestPipeline(clusterId, reader, run, new FeedFetcher(httpTimeout, maxBodyBytes * 32),
                publisher, producer.metrics());
    }

    void closeLater(AutoCloseable c) {
        extras.add(c);
    }

    @Override
    public void close() {
        try {
            run.close();
            publisher.close();
        } finally {
            for (AutoCloseable c : extras) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // State files are flushed per entry; nothing more to save.
                }
            }
        }
    }
}
