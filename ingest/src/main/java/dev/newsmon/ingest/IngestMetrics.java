package dev.newsmon.ingest;

import dev.newsmon.common.metrics.MetricsSource;
import dev.newsmon.ingest.publish.RunCounts;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Ingest's series for /metrics: what was read, published, skipped and failed, plus its producer's metrics. */
final class IngestMetrics {
    private IngestMetrics() {
    }

    /** @param producer the producer's metrics, or an empty map before it exists (read at each scrape) */
    static MetricsSource of(RunCounts counts, Supplier<Map<MetricName, ? extends Metric>> producer) {
        return out -> {
            out.kafka(producer.get());
            out.counter("newsmon_ingest_articles_read_total", "Articles read from files, feeds and stdin", Map.of(),
                    counts.read.get());
            out.counter("newsmon_ingest_articles_published_total", "Articles acknowledged by Kafka", Map.of(),
                    counts.published.get());
            String skipped = "Articles not sent because their id was already sent";
            out.counter("newsmon_ingest_articles_skipped_total", skipped, Map.of("reason", "duplicate"),
                    counts.duplicates.get());
            out.counter("newsmon_ingest_articles_skipped_total", skipped, Map.of("reason", "published_earlier"),
                    counts.alreadyPublished.get());
            out.counter("newsmon_ingest_failed_total", "Inputs or articles that could not be read or published",
                    Map.of(), counts.failed.get());
            out.counter("newsmon_ingest_warnings_total", "Inputs that needed repair", Map.of(), counts.warnings.get());
        };
    }
}
