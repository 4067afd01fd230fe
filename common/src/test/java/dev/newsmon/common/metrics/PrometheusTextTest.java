package dev.newsmon.common.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Max;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void rendersKafkaMetricsWithTagsAsLabels() {
        try (Metrics metrics = new Metrics()) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("client-id", "newsmon-sink");
            tags.put("topic", "news.alerts.taiwan");
            Sensor s = metrics.sensor("consumed");
            s.add(metrics.metricName("records-consumed-total", "consumer-fetch-manager-metrics",
                    "The total number of records consumed", tags), new CumulativeCount());
            s.add(metrics.metricName("records-lag-max", "consumer-fetch-manager-metrics",
                    "The maximum lag in records", tags), new Max());
            s.record(7);
            s.record(3);

            String text = new PrometheusText().kafka(metrics.metrics()).toString();

            assertTrue(text.contains("# HELP kafka_consumer_fetch_manager_records_consumed_total The total number of "
                    + "records consumed\n# TYPE kafka_consumer_fetch_manager_records_consumed_total counter\n"
                    + "kafka_consumer_fetch_manager_records_consumed_total{client_id=\"newsmon-sink\","
                    + "topic=\"news.alerts.taiwan\"} 2\n"), text);
            assertTrue(text.contains("# TYPE kafka_consumer_fetch_manager_records_lag_max gauge\n"
                    + "kafka_consumer_fetch_manager_records_lag_max{client_id=\"newsmon-sink\","
                    + "topic=\"news.alerts.taiwan\"} 7\n"), text);
            // Metrics registers its own count metric; it must come out too, under the kafka_ prefix.
            assertTrue(text.contains("kafka_kafka_metrics_count_count "), text);
        }
    }

    @Test
    void skipsNaNAndNonNumericValuesAndRendersNewsmonGroupsUnderNewsmon() {
        try (Metrics metrics = new Metrics()) {
            metrics.sensor("empty").add(metrics.metricName("latency-max", "stream-newsmon-metrics", "no samples yet"),
                    new Max());
            metrics.addMetric(metrics.metricName("version", "app-info", "version"), (Gauge<String>) (c, now) -> "4.3.1");
            Sensor late = metrics.sensor("late");
            late.add(metrics.metricName("late-records-total", "stream-newsmon-metrics", "Late records",
                    Map.of("thread-id", "t-1", "newsmon-id", "signals")), new CumulativeCount());
            late.record();

            String text = new PrometheusText().kafka(metrics.metrics()).toString();

            assertFalse(text.contains("latency_max"), text);
            assertFalse(text.contains("version"), text);
            assertTrue(text.contains("newsmon_late_records_total{newsmon_id=\"signals\",thread_id=\"t-1\"} 1\n"), text);
        }
    }

    @Test
    void groupsSamplesOfOneFamilyUnderOneHeaderAndEscapesLabels() {
        String text = new PrometheusText()
                .counter("newsmon_alerts_total", "Alerts raised", Map.of("theme", "chips"), 2)
                .gauge("newsmon_up", "1 while running", Map.of(), 1)
                .counter("newsmon_alerts_total", "Alerts raised", Map.of("theme", "a\"b\\c\nd"), 0.5)
                .toString();

        assertEquals("""
                # HELP newsmon_alerts_total Alerts raised
                # TYPE newsmon_alerts_total counter
                newsmon_alerts_total{theme="a\\"b\\\\c\\nd"} 0.5
                newsmon_alerts_total{theme="chips"} 2
                # HELP newsmon_up 1 while running
                # TYPE newsmon_up gauge
                newsmon_up 1
                """, text);
    }

    @Test
    void namesAreSanitized() {
        assertEquals("kafka_stream_thread_process_rate", PrometheusText.familyName("stream-thread-metrics",
                "process-rate"));
        assertEquals("newsmon_dead_letters_total", PrometheusText.familyName("stream-newsmon-metrics",
                "dead-letters-total"));
        assertEquals("_9lives_x_y", PrometheusText.sanitize("9lives.x-y"));
    }
}
