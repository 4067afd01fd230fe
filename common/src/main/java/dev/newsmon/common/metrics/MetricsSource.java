package dev.newsmon.common.metrics;

/** Something that contributes series to a scrape: a Kafka client's metrics, a stage's counters. */
@FunctionalInterface
public interface MetricsSource {
    void addTo(PrometheusText out);
}
